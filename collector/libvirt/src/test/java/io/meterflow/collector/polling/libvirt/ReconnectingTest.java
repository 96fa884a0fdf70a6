package io.meterflow.collector.polling.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterflow.collector.polling.SourceUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReconnectingTest {

    /** Stands for a libvirt connection; "dead" ones fail every call, as after a libvirtd restart. */
    private static final class Conn {
        final int number;
        boolean dead;

        Conn(int number) {
            this.number = number;
        }

        String list() {
            if (dead) {
                throw new IllegalStateException("End of file while reading data: Input/output error");
            }
            return "domains from connection " + number;
        }
    }

    private final AtomicInteger openedCount = new AtomicInteger();
    private final List<Conn> closed = new ArrayList<>();
    private final Reconnecting<Conn> connection =
            new Reconnecting<>("qemu:///system", () -> new Conn(openedCount.incrementAndGet()), closed::add);

    @Test
    void opensOnFirstUseAndKeepsTheConnection() {
        assertThat(connection.call("list", Conn::list)).isEqualTo("domains from connection 1");
        assertThat(connection.call("list", Conn::list)).isEqualTo("domains from connection 1");
        assertThat(connection.opened()).isEqualTo(1);
    }

    @Test
    void opensANewConnectionWhenTheOldOneFailsAndRetriesTheCall() {
        Conn first = connection.call("open", c -> c);
        first.dead = true;

        assertThat(connection.call("list", Conn::list)).isEqualTo("domains from connection 2");
        assertThat(closed).containsExactly(first);
        assertThat(connection.opened()).isEqualTo(2);
    }

    @Test
    void reportsTheSourceUnavailableWhenReconnectingDoesNotHelpAndTriesAgainNextTime() {
        Reconnecting<Conn> down = new Reconnecting<>(
                "qemu:///system",
                () -> {
                    if (openedCount.incrementAndGet() <= 2) {
                        throw new IllegalStateException("Failed to connect socket");
                    }
                    return new Conn(openedCount.get());
                },
                closed::add);

        assertThatThrownBy(() -> down.call("list", Conn::list))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("qemu:///system");
        assertThat(down.call("list", Conn::list)).isEqualTo("domains from connection 3");
    }
}
