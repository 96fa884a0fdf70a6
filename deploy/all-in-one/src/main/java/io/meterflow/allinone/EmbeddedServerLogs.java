package io.meterflow.allinone;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The embedded brokers log every queue, binding and partition they create at INFO. Each service
 * configures logging from its own YAML when it starts, which knows nothing of servers running in
 * its JVM; so after each start their loggers are set back to warnings and errors.
 */
final class EmbeddedServerLogs {

    private static final List<String> LOGGERS =
            List.of("qpid", "org.apache.qpid", "kafka", "state.change.logger", "org.apache.kafka", "io.zonky");

    private EmbeddedServerLogs() {}

    static void quiet() {
        for (String name : LOGGERS) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
