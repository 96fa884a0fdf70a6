package io.meterflow.demo.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** What a project runs, and how it changes: one record per kind of OpenStack resource. */
public sealed interface ResourcePlan {

    DemoProject project();

    /** Unique within the project; names the resources and seeds their ids. */
    String name();

    Schedule schedule();

    /** The id of the plan's life {@code index}: stable, so a restart resends nothing new. */
    default String resourceId(int index) {
        String seed = "meterflow-demo:" + project().key() + ":" + name() + ":" + index;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The display name of life {@code index}: recurring resources get a suffix, as users number them. */
    default String displayName(int index) {
        return schedule().every().isPresent() ? name() + "-" + index : name();
    }

    /** A Nova instance; with {@code resizeEvery} it alternates between its flavors, resized each time. */
    record Instance(
            DemoProject project, String name, Schedule schedule, List<Flavor> flavors, Optional<Duration> resizeEvery)
            implements ResourcePlan {
        public Instance {
            Objects.requireNonNull(project, "project");
            flavors = List.copyOf(flavors);
            if (flavors.isEmpty() || (resizeEvery.isPresent() && flavors.size() < 2)) {
                throw new IllegalArgumentException(
                        name + ": a resized instance needs two flavors, any one at least one");
            }
        }
    }

    /** A Cinder volume; with {@code growAfter} it is extended once to {@code grownGb}. */
    record Volume(
            DemoProject project, String name, Schedule schedule, int sizeGb, Optional<Duration> growAfter, int grownGb)
            implements ResourcePlan {
        public Volume {
            Objects.requireNonNull(project, "project");
            if (sizeGb <= 0 || (growAfter.isPresent() && grownGb <= sizeGb)) {
                throw new IllegalArgumentException(name + ": sizes must be positive and grow");
            }
        }
    }

    /** A Glance image owned by the project. */
    record Image(DemoProject project, String name, Schedule schedule, long sizeBytes, String diskFormat)
            implements ResourcePlan {
        public Image {
            Objects.requireNonNull(project, "project");
            if (sizeBytes <= 0) {
                throw new IllegalArgumentException(name + ": size must be positive");
            }
        }
    }

    /** A Neutron floating IP; its host part is fixed per plan so the address stays the same per life. */
    record FloatingIp(DemoProject project, String name, Schedule schedule, int hostPart) implements ResourcePlan {
        public FloatingIp {
            Objects.requireNonNull(project, "project");
        }
    }
}
