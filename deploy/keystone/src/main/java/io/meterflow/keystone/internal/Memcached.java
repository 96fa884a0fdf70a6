package io.meterflow.keystone.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two commands of Memcached's text protocol a token cache needs, {@code get} and {@code set},
 * over a few pooled blocking sockets per server; a key goes to one server by its hash.
 *
 * <p>Written here rather than taken from spymemcached or xmemcached (both on Maven Central): those
 * bring an I/O thread and a protocol framework into every service for two commands, and what
 * matters here is their failure behaviour, which this class decides itself. A Memcached that is
 * down or slow never fails a caller: every failure is a miss, the server is then skipped for
 * {@link #DEAD_RETRY} (keystonemiddleware's {@code memcache_pool_dead_retry}), and the outage is
 * logged once, when it starts, and once more when the server answers again. Thread-safe.
 */
public final class Memcached implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Memcached.class);
    /** A Memcached on the network answers in well under a millisecond; waiting longer costs every request. */
    static final Duration TIMEOUT = Duration.ofMillis(500);

    static final Duration DEAD_RETRY = Duration.ofSeconds(30);
    private static final int IDLE_PER_SERVER = 8;
    private static final int LONGEST_LINE = 1024;

    private final List<Server> servers = new ArrayList<>();
    private final Clock clock;

    public Memcached(List<InetSocketAddress> addresses, Clock clock) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no Memcached servers");
        }
        addresses.forEach(address -> servers.add(new Server(address)));
        this.clock = clock;
    }

    /** @return the value, or null when there is none or the server cannot be asked */
    public byte[] get(String key) {
        return on(key, connection -> connection.get(key));
    }

    /** Stores the value for {@code ttl} (at least a second); a server that cannot be asked is skipped. */
    public void set(String key, byte[] value, Duration ttl) {
        long seconds = Math.max(1, (ttl.toMillis() + 999) / 1000);
        on(key, connection -> {
            connection.set(key, value, seconds);
            return null;
        });
    }

    private byte[] on(String key, Command command) {
        Server server = servers.get(Math.floorMod(key.hashCode(), servers.size()));
        Instant now = clock.instant();
        if (now.isBefore(server.downUntil)) {
            return null;
        }
        // A pooled connection may have been closed by a restarted server: one retry on a new one.
        for (int attempt = 0; attempt < 2; attempt++) {
            Connection connection = attempt == 0 ? server.idle.pollFirst() : null;
            boolean pooled = connection != null;
            try {
                if (connection == null) {
                    connection = new Connection(server.address);
                }
                byte[] result = command.run(connection);
                server.answered();
                if (server.idle.size() < IDLE_PER_SERVER) {
                    server.idle.offerFirst(connection);
                } else {
                    connection.close();
                }
                return result;
            } catch (IOException | RuntimeException e) {
                if (connection != null) {
                    connection.close();
                }
                if (!pooled) {
                    server.failed(e, now);
                    return null;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        servers.forEach(Server::closeIdle);
    }

    @FunctionalInterface
    private interface Command {
        byte[] run(Connection connection) throws IOException;
    }

    private static final class Server {
        final InetSocketAddress address;
        final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
        final AtomicBoolean down = new AtomicBoolean();
        volatile Instant downUntil = Instant.MIN;

        Server(InetSocketAddress address) {
            this.address = address;
        }

        void answered() {
            if (down.compareAndSet(true, false)) {
                LOG.info("Memcached at {} answers again; sharing validated tokens through it", address);
            }
        }

        void failed(Exception e, Instant now) {
            downUntil = now.plus(DEAD_RETRY);
            closeIdle();
            if (down.compareAndSet(false, true)) {
                LOG.warn(
                        "Memcached at {} cannot be used ({}); validating tokens with Keystone and the in-process"
                                + " cache alone, trying it again every {} s",
                        address,
                        e.toString(),
                        DEAD_RETRY.toSeconds());
            }
        }

        void closeIdle() {
            for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
                connection.close();
            }
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            try {
                InetSocketAddress resolved = address.isUnresolved()
                        ? new InetSocketAddress(address.getHostString(), address.getPort())
                        : address;
                socket.connect(resolved, (int) TIMEOUT.toMillis());
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream());
                out = new BufferedOutputStream(socket.getOutputStream());
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e instanceof IOException io ? io : new IOException(e);
            }
        }

        byte[] get(String key) throws IOException {
            out.write(("get " + key + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line = readLine();
            if (line.equals("END")) {
                return null;
            }
            String[] header = line.split(" ");
            if (header.length < 4 || !header[0].equals("VALUE")) {
                throw new IOException("unexpected answer to get: " + line);
            }
            int length = Integer.parseInt(header[3]);
            byte[] value = in.readNBytes(length);
            if (value.length != length || !readLine().isEmpty() || !readLine().equals("END")) {
                throw new IOException("truncated answer to get");
            }
            return value;
        }

        void set(String key, byte[] value, long seconds) throws IOException {
            out.write(
                    ("set " + key + " 0 " + seconds + " " + value.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(value);
            out.write('\r');
            out.write('\n');
            out.flush();
            String line = readLine();
            if (!line.equals("STORED")) {
                if (line.startsWith("SERVER_ERROR") || line.startsWith("NOT_STORED")) {
                    LOG.debug("Memcached did not store a token: {}", line);
                    return;
                }
                throw new IOException("unexpected answer to set: " + line);
            }
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("Memcached closed the connection");
                }
                if (line.size() > LONGEST_LINE) {
                    throw new IOException("Memcached answered a line longer than " + LONGEST_LINE);
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.US_ASCII);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("closing a Memcached connection failed", e);
            }
        }
    }
}
