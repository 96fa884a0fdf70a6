package io.meterflow.demo.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.demo.scenario.ResourcePlan.FloatingIp;
import io.meterflow.demo.scenario.ResourcePlan.Image;
import io.meterflow.demo.scenario.ResourcePlan.Instance;
import io.meterflow.demo.scenario.ResourcePlan.Volume;
import io.meterflow.demo.scenario.Schedule.Life;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Every notification the simulated cloud sends in a window of time, in the order sent. Pure: the
 * same window gives the same messages (ids included), so history, live activity and a restart that
 * resends a window all agree, and the collector recognises a repeat.
 *
 * <p>Audit notifications ({@code *.exists}) and polled samples come every {@link #AUDIT_EVERY} per
 * resource, each resource at its own offset, so every rated hour has measures and the bus has
 * something new every few seconds. Before {@code detailedFrom} they come once an hour
 * ({@link #HISTORY_AUDIT_EVERY}): the demo sends its history at the first start, and a history as
 * detailed as the present would make the first minute's work grow with the time of day (a day's
 * history is six times the messages) while the rated hours and graphs show the same.
 */
public final class CloudScenario {

    public static final Duration AUDIT_EVERY = Duration.ofMinutes(10);
    /** How often before {@code detailedFrom}: a whole number of {@link #AUDIT_EVERY}. */
    public static final Duration HISTORY_AUDIT_EVERY = Duration.ofHours(1);

    private static final long HISTORY_TICK = HISTORY_AUDIT_EVERY.dividedBy(AUDIT_EVERY);
    /** The compute node libvirt's test node stands for: the steady instances run there. */
    public static final String POLLED_HOST = "compute-01";

    private static final Duration IMAGE_UPDATE_AFTER = Duration.ofMinutes(3);

    private final Instant origin;
    private final Instant detailedFrom;
    private final List<ResourcePlan> plans;
    private final InstanceNotifications instances;
    private final VolumeNotifications volumes;
    private final ImageNotifications images;
    private final FloatingIpSamples floatingIps;

    /** A scenario whose history is as detailed as its present. */
    public CloudScenario(Instant origin, List<ResourcePlan> plans, ObjectMapper json) {
        this(origin, origin, plans, json);
    }

    /**
     * @param origin the history start: schedules are relative to it
     * @param detailedFrom audits and polled samples come every {@link #AUDIT_EVERY} from then on,
     *     every {@link #HISTORY_AUDIT_EVERY} before
     */
    public CloudScenario(Instant origin, Instant detailedFrom, List<ResourcePlan> plans, ObjectMapper json) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.detailedFrom = Objects.requireNonNull(detailedFrom, "detailedFrom");
        this.plans = List.copyOf(plans);
        MessageFactory messages = new MessageFactory(json);
        this.instances = new InstanceNotifications(messages);
        this.volumes = new VolumeNotifications(messages);
        this.images = new ImageNotifications(messages);
        this.floatingIps = new FloatingIpSamples(messages);
    }

    public Instant origin() {
        return origin;
    }

    public List<ResourcePlan> plans() {
        return plans;
    }

    /** The messages with an event time in [from, to), oldest first. */
    public List<OsloMessage> between(Instant from, Instant to) {
        List<OsloMessage> out = new ArrayList<>();
        if (!from.isBefore(to)) {
            return out;
        }
        for (ResourcePlan plan : plans) {
            for (Life life : plan.schedule().livesBetween(origin, from, to)) {
                Window window = new Window(from, to);
                // Java 17 has no pattern switch; the plan kinds are sealed, so this chain is exhaustive.
                if (plan instanceof Instance instance) {
                    instance(instance, life, window, out::add);
                } else if (plan instanceof Volume volume) {
                    volume(volume, life, window, out::add);
                } else if (plan instanceof Image image) {
                    image(image, life, window, out::add);
                } else if (plan instanceof FloatingIp ip) {
                    ticks(ip, life, window, time -> out.add(floatingIps.polled(ip, life, time)));
                }
            }
        }
        out.sort(Comparator.comparing(OsloMessage::eventTime).thenComparing(OsloMessage::messageId));
        return out;
    }

    /** The instances alive at {@code time}, with the flavor they have then (the libvirt node's domains). */
    public List<LiveInstance> instancesAt(Instant time) {
        List<LiveInstance> live = new ArrayList<>();
        for (ResourcePlan plan : plans) {
            if (plan instanceof Instance instance) {
                for (Life life : plan.schedule().livesBetween(origin, time, time.plusSeconds(1))) {
                    if (life.aliveAt(time)) {
                        live.add(
                                new LiveInstance(instance, life, InstanceNotifications.flavorAt(instance, life, time)));
                    }
                }
            }
        }
        return live;
    }

    /** An instance of the simulated cloud at one moment. */
    public record LiveInstance(Instance plan, Life life, Flavor flavor) {
        public String id() {
            return plan.resourceId(life.index());
        }

        public String displayName() {
            return plan.displayName(life.index());
        }

        public String host() {
            return InstanceNotifications.host(plan);
        }

        public String fixedIp() {
            return InstanceNotifications.fixedIp(plan, life);
        }
    }

    private void instance(Instance plan, Life life, Window window, Consumer<OsloMessage> out) {
        if (window.contains(life.created())) {
            out.accept(instances.created(plan, life));
        }
        plan.resizeEvery().ifPresent(every -> {
            for (Instant at = life.created().plus(every);
                    isAlive(life, at) && at.isBefore(window.to());
                    at = at.plus(every)) {
                if (window.contains(at)) {
                    out.accept(instances.resized(plan, life, at));
                }
            }
        });
        ticks(plan, life, window, time -> out.accept(instances.exists(plan, life, time)));
        life.deleted().filter(window::contains).ifPresent(time -> out.accept(instances.deleted(plan, life, time)));
    }

    private void volume(Volume plan, Life life, Window window, Consumer<OsloMessage> out) {
        if (window.contains(life.created())) {
            out.accept(volumes.created(plan, life));
        }
        plan.growAfter()
                .map(life.created()::plus)
                .filter(at -> isAlive(life, at) && window.contains(at))
                .ifPresent(at -> out.accept(volumes.resized(plan, life, at)));
        ticks(plan, life, window, time -> out.accept(volumes.exists(plan, life, time)));
        life.deleted().filter(window::contains).ifPresent(time -> out.accept(volumes.deleted(plan, life, time)));
    }

    private void image(Image plan, Life life, Window window, Consumer<OsloMessage> out) {
        if (window.contains(life.created())) {
            out.accept(images.uploaded(plan, life));
        }
        Instant update = life.created().plus(IMAGE_UPDATE_AFTER);
        if (isAlive(life, update) && window.contains(update)) {
            out.accept(images.updated(plan, life, update));
        }
        ticks(plan, life, window, time -> out.accept(images.polled(plan, life, time)));
        life.deleted().filter(window::contains).ifPresent(time -> out.accept(images.deleted(plan, life, time)));
    }

    /**
     * The audit times of a resource inside the window, strictly between its creation and deletion:
     * every {@link #AUDIT_EVERY} from the origin, shifted by an offset of the plan's own so the
     * resources do not all report at once; before {@code detailedFrom} only every
     * {@link #HISTORY_AUDIT_EVERY} of those times.
     */
    private void ticks(ResourcePlan plan, Life life, Window window, Consumer<Instant> out) {
        long every = AUDIT_EVERY.toMillis();
        long offset = Math.floorMod((plan.project().key() + plan.name()).hashCode(), every);
        long base = origin.toEpochMilli() + offset;
        Instant from = life.created().isAfter(window.from()) ? life.created() : window.from();
        long first = Math.floorDiv(from.toEpochMilli() - base, every);
        for (long j = first; ; j++) {
            Instant time = Instant.ofEpochMilli(base + j * every);
            if (!time.isBefore(window.to()) || !isAlive(life, time)) {
                return;
            }
            boolean sparse = time.isBefore(detailedFrom) && Math.floorMod(j, HISTORY_TICK) != 0;
            if (!sparse && time.isAfter(life.created()) && window.contains(time)) {
                out.accept(time);
            }
        }
    }

    private static boolean isAlive(Life life, Instant time) {
        return life.deleted().map(time::isBefore).orElse(true);
    }

    private record Window(Instant from, Instant to) {
        boolean contains(Instant time) {
            return !time.isBefore(from) && time.isBefore(to);
        }
    }
}
