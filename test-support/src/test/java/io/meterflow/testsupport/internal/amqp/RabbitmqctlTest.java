package io.meterflow.testsupport.internal.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fallback rules only; the real rabbitmqctl is exercised by AmqpBrokerIT against a local RabbitMQ. */
class RabbitmqctlTest {

    private final List<List<String>> commands = new ArrayList<>();

    @Test
    void createsTheVirtualHostAndLetsTheUserIn() {
        Rabbitmqctl ctl = new Rabbitmqctl(answering(0, 0), "meter");

        assertThat(ctl.create("mf_test_0123456789ab")).isTrue();
        assertThat(commands)
                .containsExactly(
                        List.of("add_vhost", "mf_test_0123456789ab"),
                        List.of("set_permissions", "-p", "mf_test_0123456789ab", "meter", ".*", ".*", ".*"));
    }

    @Test
    void removesTheVirtualHostWhenPermissionsFailAndGivesUpForTheRun() {
        Rabbitmqctl ctl = new Rabbitmqctl(answering(0, 2, 0), "nobody");

        assertThat(ctl.create("mf_test_0123456789ab")).isFalse();
        assertThat(commands).last().isEqualTo(List.of("delete_vhost", "mf_test_0123456789ab"));

        int before = commands.size();
        assertThat(ctl.create("mf_test_ba9876543210")).isFalse();
        assertThat(commands).hasSize(before);
    }

    private Rabbitmqctl.Runner answering(int... exitCodes) {
        return arguments -> {
            commands.add(arguments);
            int exitCode = exitCodes[Math.min(commands.size(), exitCodes.length) - 1];
            return new Rabbitmqctl.Outcome(exitCode, exitCode == 0 ? "" : "Error: no such user");
        };
    }
}
