package io.meterflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.meterflow.testsupport.internal.SharedServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.slf4j.LoggerFactory;

/**
 * Runs two test classes in a run of their own, in a fixed order: the second checks that the first
 * one's database is gone and that its own has another name. Neither asks for a broker, so the run
 * must not start one.
 */
class DatabaseIsolationIT {

    private static final AtomicReference<String> FIRST_DATABASE = new AtomicReference<>();

    @Test
    void dropsEachClassDatabaseAfterTheClassAndStartsNoBroker() {
        List<String> announcements = new ArrayList<>();
        Logger logger = (Logger) LoggerFactory.getLogger(SharedServices.class);
        AppenderBase<ILoggingEvent> recorder = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                announcements.add(event.getFormattedMessage());
            }
        };
        recorder.start();
        logger.addAppender(recorder);
        try {
            EngineTestKit.engine("junit-jupiter")
                    .configurationParameter(
                            "junit.jupiter.testclass.order.default", ClassOrderer.OrderAnnotation.class.getName())
                    .selectors(selectClass(FirstClass.class), selectClass(SecondClass.class))
                    .execute()
                    .testEvents()
                    .assertStatistics(stats -> stats.started(2).succeeded(2));
        } finally {
            logger.detachAppender(recorder);
        }

        assertThat(announcements).singleElement().asString().startsWith("PostgreSQL for tests:");
    }

    @RealServices
    @Order(1)
    static class FirstClass {

        @Test
        void recordsItsDatabase(PostgresDatabase database) throws SQLException {
            assertThat(databaseExists(database, database.databaseName())).isTrue();
            FIRST_DATABASE.set(database.databaseName());
        }
    }

    @RealServices
    @Order(2)
    static class SecondClass {

        @Test
        void findsTheFirstClassDatabaseDropped(PostgresDatabase database) throws SQLException {
            assertThat(FIRST_DATABASE.get()).isNotNull().isNotEqualTo(database.databaseName());
            assertThat(databaseExists(database, FIRST_DATABASE.get())).isFalse();
            assertThat(databaseExists(database, database.databaseName())).isTrue();
        }
    }

    private static boolean databaseExists(PostgresDatabase database, String name) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1) == 1;
            }
        }
    }
}
