package io.meterflow.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Memcached for one test class: the one named by {@code METERFLOW_TEST_MEMCACHED}
 * ({@code host:port}, shared: never flushed, so tests must use keys of their own), or else a
 * {@code memcached} of its own, started from {@code /usr/bin/memcached} (Debian's package
 * {@code memcached}; {@code .ci/run} installs it) on a free loopback port as a child process and
 * stopped by {@link #close()}. Without either there is none and the class's Memcached tests are
 * skipped with {@link #MISSING}.
 */
public final class MemcachedServer implements AutoCloseable {

    /** Why a test is skipped when {@link #start()} finds no Memcached. */
    public static final String MISSING =
            "no memcached: apt-get install memcached (.ci/run does), or set METERFLOW_TEST_MEMCACHED=host:port";

    private static final Duration READY_WITHIN = Duration.ofSeconds(10);

    private final String host;
    private final int port;
    private final Process process;

    private MemcachedServer(String host, int port, Process process) {
        this.host = host;
        this.port = port;
        this.process = process;
    }

    /**
     * The Memcached named by {@code METERFLOW_TEST_MEMCACHED}, else a new child process; empty when
     * neither the variable nor the binary is there.
     *
     * @throws IOException the binary is there but the server would not start
     */
    public static Optional<MemcachedServer> start() throws IOException {
        Map<String, String> env = System.getenv();
        String given = env.get("METERFLOW_TEST_MEMCACHED");
        if (given != null && !given.isBlank()) {
            int colon = given.strip().lastIndexOf(':');
            if (colon <= 0) {
                throw new IOException("METERFLOW_TEST_MEMCACHED must be host:port, not '" + given + "'");
            }
            return Optional.of(new MemcachedServer(
                    given.strip().substring(0, colon),
                    Integer.parseInt(given.strip().substring(colon + 1)),
                    null));
        }
        Optional<Path> binary = binary();
        if (binary.isEmpty()) {
            return Optional.empty();
        }
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port may be taken before memcached binds it
            try {
                return Optional.of(startOn(binary.get(), freePort()));
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Optional<Path> binary() {
        Path debian = Path.of("/usr/bin/memcached");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "memcached");
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static MemcachedServer startOn(Path binary, int port) throws IOException {
        // -U 0: no UDP; -u: memcached refuses to run as root without naming a user, and ignores it otherwise.
        Process process = new ProcessBuilder(List.of(
                        binary.toString(),
                        "-p",
                        Integer.toString(port),
                        "-U",
                        "0",
                        "-l",
                        "127.0.0.1",
                        "-m",
                        "16",
                        "-t",
                        "1",
                        "-u",
                        System.getProperty("user.name")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        MemcachedServer server = new MemcachedServer("127.0.0.1", port, process);
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(binary + " -p " + port + " exited with " + process.exitValue());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(server.host, port), 200);
                return server;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        server.close();
        throw new IOException(
                binary + " did not listen on port " + port + " within " + READY_WITHIN.toSeconds() + " s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** {@code host:port}, as keystonemiddleware's {@code memcached_servers} and Meterflow's settings name it. */
    public String servers() {
        return host + ":" + port;
    }

    /** Whether this class started the server (and {@link #close()} stops it). */
    public boolean isOwnProcess() {
        return process != null;
    }

    /** Stops the server this class started; one given by the environment is left alone. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
