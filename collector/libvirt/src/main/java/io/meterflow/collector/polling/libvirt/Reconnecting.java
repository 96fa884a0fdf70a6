package io.meterflow.collector.polling.libvirt;

import io.meterflow.collector.polling.SourceUnavailableException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection that is opened on first use and opened anew when a call on it fails, so polling
 * survives a libvirtd restart: the failed call is retried once on the new connection, and if that
 * fails too the caller gets {@link SourceUnavailableException} and the next cycle tries again.
 *
 * @param <C> the connection type ({@code org.libvirt.Connect}; a plain object in tests)
 */
public final class Reconnecting<C> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Reconnecting.class);

    /** Opens a connection. */
    @FunctionalInterface
    public interface Opener<C> {
        C open() throws Exception;
    }

    /** A call on an open connection. */
    @FunctionalInterface
    public interface Call<C, T> {
        T apply(C connection) throws Exception;
    }

    private final String target;
    private final Opener<C> opener;
    private final Consumer<C> closer;
    private C connection;
    private long opened;

    /**
     * @param target what is connected to, for messages ({@code qemu:///system})
     * @param closer closes a connection that failed; must not throw
     */
    public Reconnecting(String target, Opener<C> opener, Consumer<C> closer) {
        this.target = target;
        this.opener = opener;
        this.closer = closer;
    }

    public synchronized <T> T call(String what, Call<C, T> call) {
        try {
            return call.apply(connection());
        } catch (Exception first) {
            LOG.warn("{} on {} failed ({}); reconnecting", what, target, first.toString());
            drop();
            try {
                return call.apply(connection());
            } catch (Exception second) {
                drop();
                second.addSuppressed(first);
                throw new SourceUnavailableException(what + " on " + target + " failed after reconnecting", second);
            }
        }
    }

    /** How many connections were opened so far: 1 without failures. */
    public synchronized long opened() {
        return opened;
    }

    @Override
    public synchronized void close() {
        drop();
    }

    private C connection() throws Exception {
        if (connection == null) {
            connection = opener.open();
            opened++;
            if (opened > 1) {
                LOG.info("Reconnected to {} (connection #{})", target, opened);
            }
        }
        return connection;
    }

    private void drop() {
        if (connection != null) {
            closer.accept(connection);
            connection = null;
        }
    }
}
