package io.meterflow.collector.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.collector.notification.EnvelopeParser;
import io.meterflow.collector.notification.MalformedNotificationException;
import io.meterflow.collector.notification.Notification;
import io.meterflow.wire.ProjectEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keystone 22's own project notifications, captured from a real Keystone, in both its formats. */
class ProjectLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EnvelopeParser PARSER = new EnvelopeParser(JSON);

    @Test
    void readsCadfNotificationsWithKeystonesEventTimeAndInitiator() throws Exception {
        List<ProjectEvent> events = events("project-lifecycle-cadf.jsonl");

        assertThat(events)
                .extracting(ProjectEvent::kind)
                .containsExactly(
                        ProjectEvent.Kind.CREATED,
                        ProjectEvent.Kind.UPDATED,
                        ProjectEvent.Kind.UPDATED,
                        ProjectEvent.Kind.UPDATED,
                        ProjectEvent.Kind.DELETED);
        assertThat(events).extracting(ProjectEvent::projectId).containsOnly("264ab0e0c52e40c68f34475565a6aebb");
        assertThat(events).extracting(ProjectEvent::eventTime).isSorted();
        ProjectEvent created = events.get(0);
        assertThat(created.eventTime()).isEqualTo(Instant.parse("2026-12-07T10:55:25.090496Z"));
        assertThat(created.initiatorUserId()).isEqualTo("9d549af27dc740c39c7b3dc04fbdf264");
        assertThat(created.messageId()).isEqualTo("57d57b65-f42f-431b-a6a6-722b8fb84602");
        // Keystone does not say a project was disabled: that is an update like any other.
        assertThat(events).extracting(ProjectEvent::enabled).containsOnlyNulls();
    }

    @Test
    void readsBasicNotificationsWithTheNotificationsOwnTime() throws Exception {
        List<ProjectEvent> events = events("project-lifecycle-basic.jsonl");

        assertThat(events)
                .extracting(ProjectEvent::kind)
                .containsExactly(ProjectEvent.Kind.CREATED, ProjectEvent.Kind.UPDATED, ProjectEvent.Kind.DELETED);
        assertThat(events).extracting(ProjectEvent::projectId).containsOnly("3051b6ec9a7a4d2fa166a6bf0d5a53d2");
        assertThat(events.get(2).eventTime()).isEqualTo(Instant.parse("2026-12-07T10:55:55.189152Z"));
        assertThat(events.get(2).initiatorUserId()).isNull();
    }

    @Test
    void aProjectNotificationNamingNoProjectIsMalformed() throws Exception {
        Notification noProject = PARSER.parse(
                ("{\"oslo.version\":\"2.0\",\"oslo.message\":\"{\\\"message_id\\\":\\\"m-1\\\",\\\"event_type\\\":"
                                + "\\\"identity.project.deleted\\\",\\\"priority\\\":\\\"INFO\\\",\\\"timestamp\\\":"
                                + "\\\"2026-12-07 10:00:00.000000\\\",\\\"payload\\\":{}}\"}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ProjectLifecycle.eventOf(noProject))
                .isInstanceOf(MalformedNotificationException.class)
                .hasMessageContaining("names no project");
    }

    @Test
    void otherProjectEventsAreNotLifecycle() throws Exception {
        Notification first = parse(lines("project-lifecycle-basic.jsonl").get(0));
        Notification other = first.withEvent("identity.project.exported", first.payload());

        assertThat(ProjectLifecycle.concerns(other)).isTrue();
        assertThat(ProjectLifecycle.eventOf(other)).isEmpty();
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = ProjectLifecycleTest.class.getResourceAsStream("/keystone/" + resource)) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    private static List<ProjectEvent> events(String resource) throws Exception {
        List<ProjectEvent> events = new ArrayList<>();
        for (String line : lines(resource)) {
            events.add(ProjectLifecycle.eventOf(parse(line)).orElseThrow());
        }
        return events;
    }

    private static Notification parse(String line) throws MalformedNotificationException {
        return PARSER.parse(line.getBytes(StandardCharsets.UTF_8));
    }
}
