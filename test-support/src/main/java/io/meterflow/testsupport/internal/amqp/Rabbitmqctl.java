package io.meterflow.testsupport.internal.amqp;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;

/**
 * Virtual hosts through {@code rabbitmqctl}, the one RabbitMQ tool that needs no management plugin.
 * It runs either on this machine or inside the broker's container. If it fails once (not allowed
 * to read the Erlang cookie, node down), it is not tried again and classes share a virtual host.
 */
final class Rabbitmqctl implements VirtualHostAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(Rabbitmqctl.class);
    private static final long TIMEOUT_SECONDS = 30;

    /** Runs one rabbitmqctl command and reports how it ended. */
    @FunctionalInterface
    interface Runner {
        Outcome run(List<String> arguments) throws IOException, InterruptedException;
    }

    record Outcome(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private final Runner runner;
    private final String user;
    private volatile boolean usable = true;

    Rabbitmqctl(Runner runner, String user) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.user = Objects.requireNonNull(user, "user");
    }

    /** The rabbitmqctl found on PATH, if any. */
    static Optional<Rabbitmqctl> onPath(String user) {
        return executableOnPath("rabbitmqctl").map(executable -> new Rabbitmqctl(local(executable), user));
    }

    static Rabbitmqctl inContainer(GenericContainer<?> container, String user) {
        return new Rabbitmqctl(
                arguments -> {
                    List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
                    command.addAll(arguments);
                    Container.ExecResult result = container.execInContainer(command.toArray(String[]::new));
                    return new Outcome(result.getExitCode(), result.getStdout() + result.getStderr());
                },
                user);
    }

    @Override
    public boolean create(String name) {
        if (!usable) {
            return false;
        }
        if (!run("add_vhost", name)) {
            return false;
        }
        if (!run("set_permissions", "-p", name, user, ".*", ".*", ".*")) {
            run("delete_vhost", name);
            return false;
        }
        return true;
    }

    @Override
    public void delete(String name) {
        if (!run("delete_vhost", name)) {
            LOG.warn("Virtual host {} is left on the broker", name);
        }
    }

    private boolean run(String... arguments) {
        Outcome outcome;
        try {
            outcome = runner.run(List.of(arguments));
        } catch (IOException e) {
            outcome = new Outcome(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running rabbitmqctl " + arguments[0], e);
        }
        if (outcome.succeeded()) {
            return true;
        }
        if (usable) {
            usable = false;
            LOG.warn(
                    "rabbitmqctl {} failed (exit {}): {}; test classes now share the broker's virtual host"
                            + " and keep apart by name prefix",
                    arguments[0],
                    outcome.exitCode(),
                    outcome.output().strip());
        }
        return false;
    }

    private static Runner local(Path executable) {
        return arguments -> {
            List<String> command = new ArrayList<>(List.of(executable.toString(), "-q"));
            command.addAll(arguments);
            // Output goes to a file: a full pipe would block the tool and defeat the timeout.
            Path output = Files.createTempFile("rabbitmqctl", ".out");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Outcome(-1, "no answer within " + TIMEOUT_SECONDS + " s");
                }
                return new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        };
    }

    private static Optional<Path> executableOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
