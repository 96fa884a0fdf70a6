package io.meterflow.demo;

import io.meterflow.demo.api.MeasureWait.Marker;
import io.meterflow.demo.scenario.CloudScenario;
import io.meterflow.demo.scenario.DemoProject;
import io.meterflow.demo.scenario.OsloMessage;
import io.meterflow.demo.scenario.ResourcePlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which measures prove the sent notifications arrived: per project, its first steady instance's
 * {@code memory} (the metered one, which polling does not write) in the 5-minute bucket of its last notification sent. Ordered per resource on the
 * way (Kafka keys samples by resource id), so the last one there means the earlier ones are too.
 */
final class Markers {

    private static final long BUCKET_SECONDS = 300;

    private Markers() {}

    static List<Marker> of(CloudScenario scenario, Instant sentUntil) {
        List<Marker> markers = new ArrayList<>();
        Instant from = sentUntil.minus(CloudScenario.AUDIT_EVERY.multipliedBy(2));
        if (from.isBefore(scenario.origin())) {
            from = scenario.origin();
        }
        List<OsloMessage> recent = scenario.between(from, sentUntil);
        for (ResourcePlan plan : scenario.plans()) {
            if (plan instanceof ResourcePlan.Instance instance
                    && instance.schedule().every().isEmpty()
                    && isFirstSteadyInstance(scenario, instance)) {
                String id = instance.resourceId(0);
                recent.stream()
                        .filter(m -> id.equals(m.resourceId()))
                        .map(OsloMessage::eventTime)
                        .max(Comparator.naturalOrder())
                        .ifPresent(last -> markers.add(new Marker("instance", id, "memory", bucket(last))));
            }
        }
        return markers;
    }

    private static boolean isFirstSteadyInstance(CloudScenario scenario, ResourcePlan.Instance instance) {
        DemoProject project = instance.project();
        return scenario.plans().stream()
                .filter(p -> p instanceof ResourcePlan.Instance
                        && p.project().equals(project)
                        && p.schedule().every().isEmpty())
                .findFirst()
                .map(instance::equals)
                .orElse(false);
    }

    private static Instant bucket(Instant time) {
        return Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), BUCKET_SECONDS) * BUCKET_SECONDS);
    }
}
