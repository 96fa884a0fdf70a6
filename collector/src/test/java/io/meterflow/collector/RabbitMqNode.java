package io.meterflow.collector;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of the test's own, started from the machine's RabbitMQ installation on free
 * loopback ports with its data in a scratch directory, so a test can stop and restart a real
 * broker without touching the one other tests share. The node keeps its data across restarts, as
 * an operator's restart does: durable queues and persistent messages come back.
 */
final class RabbitMqNode implements AutoCloseable {

    private static final List<Path> SERVER_SCRIPTS =
            List.of(Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server"), Path.of("/usr/local/sbin/rabbitmq-server"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path serverScript;
    private final Path ctlScript;
    private final Path home;
    private final String nodeName;
    private final int port;
    private final int distributionPort;
    private Process process;

    private RabbitMqNode(Path serverScript, Path home, int port, int distributionPort) {
        this.serverScript = serverScript;
        this.ctlScript = serverScript.resolveSibling("rabbitmqctl");
        this.home = home;
        this.nodeName = "mf-restart-" + ProcessHandle.current().pid() + "-" + port + "@localhost";
        this.port = port;
        this.distributionPort = distributionPort;
    }

    /**
     * The server script run directly, as the current user: the Debian wrapper on the path would
     * switch to the system node's user and its settings.
     */
    static Optional<Path> installedServer() {
        return SERVER_SCRIPTS.stream().filter(Files::isExecutable).findFirst();
    }

    static RabbitMqNode start(Path serverScript, Path scratch) throws Exception {
        Path home = Files.createDirectories(scratch);
        Files.writeString(home.resolve("enabled_plugins"), "[].\n");
        Files.writeString(home.resolve("rabbitmq-env.conf"), "");
        RabbitMqNode node = new RabbitMqNode(serverScript, home, freePort(), freePort());
        Files.writeString(
                home.resolve("rabbitmq.conf"),
                "listeners.tcp.default = 127.0.0.1:" + node.port + "\n"
                        // A test machine's disk may be fuller than RabbitMQ's default alarm allows.
                        + "disk_free_limit.absolute = 1MB\n");
        node.startAgain();
        return node;
    }

    String uri() {
        return "amqp://guest:guest@127.0.0.1:" + port + "/%2F";
    }

    /** Starts the node on its data directory and waits until it takes AMQP connections. */
    void startAgain() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(serverScript.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("server.out").toFile()));
        builder.environment().putAll(environment());
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!acceptsConnections()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("RabbitMQ node " + nodeName + " exited with " + process.exitValue()
                        + "; see " + home.resolve("server.out"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("RabbitMQ node " + nodeName + " did not start in " + START_TIMEOUT);
            }
            Thread.sleep(200);
        }
        ctl("await_startup");
    }

    /** What {@code systemctl restart rabbitmq-server} does first: a graceful stop of the node. */
    void stop() throws Exception {
        ctl("stop");
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** The node dies at once (SIGKILL to the Erlang VM): nothing is closed cleanly. */
    void kill() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>();
        process.toHandle().descendants().forEach(all::add);
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().join();
        }
        // epmd outlives the node it served on purpose: it may serve the machine's own node too.
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            kill();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    private Map<String, String> environment() {
        return Map.of(
                "RABBITMQ_NODENAME", nodeName,
                "RABBITMQ_DIST_PORT", String.valueOf(distributionPort),
                "RABBITMQ_MNESIA_BASE", home.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", home.resolve("log").toString(),
                "RABBITMQ_CONFIG_FILE", home.resolve("rabbitmq").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", home.resolve("enabled_plugins").toString(),
                "RABBITMQ_CONF_ENV_FILE", home.resolve("rabbitmq-env.conf").toString(),
                "RABBITMQ_PID_FILE", home.resolve("node.pid").toString(),
                "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
    }

    private void ctl(String command) throws Exception {
        Process ctl = new ProcessBuilder(ctlScript.toString(), "-n", nodeName, command)
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(home.resolve("ctl.out").toFile()))
                .start();
        if (!ctl.waitFor(90, TimeUnit.SECONDS) || ctl.exitValue() != 0) {
            ctl.destroyForcibly();
            throw new IllegalStateException(
                    "rabbitmqctl " + command + " on " + nodeName + " failed; see " + home.resolve("ctl.out"));
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
