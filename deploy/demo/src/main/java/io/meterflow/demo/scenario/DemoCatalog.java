package io.meterflow.demo.scenario;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;

import io.meterflow.demo.scenario.ResourcePlan.FloatingIp;
import io.meterflow.demo.scenario.ResourcePlan.Image;
import io.meterflow.demo.scenario.ResourcePlan.Instance;
import io.meterflow.demo.scenario.ResourcePlan.Volume;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The simulated cloud: five projects of different shapes (steady web servers, a database that is
 * resized, CI runners coming and going, snapshots, floating IPs), so every chart and every rating
 * type of the demo price list has something to show.
 */
public final class DemoCatalog {

    public static final DemoProject ACME = DemoProject.of("demo-acme", "Acme Robotics");
    public static final DemoProject GLOBEX = DemoProject.of("demo-globex", "Globex Analytics");
    public static final DemoProject INITECH = DemoProject.of("demo-initech", "Initech QA");
    public static final DemoProject UMBRELLA = DemoProject.of("demo-umbrella", "Umbrella Research");
    public static final DemoProject HOOLI = DemoProject.of("demo-hooli", "Hooli Web");

    public static final List<DemoProject> PROJECTS = List.of(ACME, GLOBEX, INITECH, UMBRELLA, HOOLI);

    private static final long GIB = 1L << 30;

    private DemoCatalog() {}

    public static List<ResourcePlan> plans() {
        return List.of(
                // Acme: a steady shop with a database that is scaled up and down, and CI runners.
                instance(ACME, "acme-web-1", forever(2), Flavor.SMALL),
                resized(ACME, "acme-db-1", forever(3), ofHours(3), Flavor.LARGE, Flavor.XLARGE),
                new Instance(ACME, "acme-ci-runner", recurring(10, 45, 30), List.of(Flavor.MEDIUM), Optional.empty()),
                grown(ACME, "acme-db-data", forever(4), 100, ofHours(5), 200),
                new Image(ACME, "acme-golden-ubuntu", forever(1), 2_361_393_152L, "qcow2"),
                new FloatingIp(ACME, "acme-web-ip", forever(5), 21),
                // Globex: big analytics nodes, nightly-style ETL workers, a warehouse volume, snapshots.
                instance(GLOBEX, "globex-analytics-1", forever(2), Flavor.XLARGE),
                new Instance(GLOBEX, "globex-etl", recurring(20, 120, 80), List.of(Flavor.LARGE), Optional.empty()),
                new Volume(GLOBEX, "globex-warehouse", forever(3), 500, Optional.empty(), 0),
                new Image(GLOBEX, "globex-snapshot", recurring(30, 180, 120), 12 * GIB, "raw"),
                new FloatingIp(GLOBEX, "globex-api-ip", forever(4), 42),
                new FloatingIp(GLOBEX, "globex-temp-ip", recurring(40, 240, 120), 43),
                // Initech: small QA machines and short-lived test environments with scratch volumes.
                instance(INITECH, "initech-qa-1", forever(2), Flavor.TINY),
                instance(INITECH, "initech-qa-2", forever(3), Flavor.SMALL),
                new Instance(
                        INITECH, "initech-test-env", recurring(5, 30, 20), List.of(Flavor.SMALL), Optional.empty()),
                new Volume(INITECH, "initech-scratch", recurring(7, 90, 60), 20, Optional.empty(), 0),
                // Umbrella: a lab machine resized for experiments, a large dataset image.
                resized(UMBRELLA, "umbrella-lab-1", forever(2), ofHours(4), Flavor.MEDIUM, Flavor.LARGE),
                new Volume(UMBRELLA, "umbrella-results", forever(3), 250, Optional.empty(), 0),
                new Image(UMBRELLA, "umbrella-dataset", forever(4), 8 * GIB, "raw"),
                new FloatingIp(UMBRELLA, "umbrella-lab-ip", forever(5), 77),
                // Hooli: a web tier with a cache and deploy images that come and go.
                instance(HOOLI, "hooli-web-1", forever(2), Flavor.SMALL),
                instance(HOOLI, "hooli-web-2", forever(2), Flavor.SMALL),
                instance(HOOLI, "hooli-cache", forever(3), Flavor.MEDIUM),
                grown(HOOLI, "hooli-uploads", forever(4), 50, ofHours(2), 80),
                new Image(HOOLI, "hooli-release", recurring(15, 120, 90), 3 * GIB, "qcow2"),
                new FloatingIp(HOOLI, "hooli-lb-ip", forever(5), 99));
    }

    private static Instance instance(DemoProject project, String name, Schedule schedule, Flavor flavor) {
        return new Instance(project, name, schedule, List.of(flavor), Optional.empty());
    }

    private static Instance resized(
            DemoProject project, String name, Schedule schedule, Duration every, Flavor first, Flavor second) {
        return new Instance(project, name, schedule, List.of(first, second), Optional.of(every));
    }

    private static Volume grown(
            DemoProject project, String name, Schedule schedule, int sizeGb, Duration after, int grownGb) {
        return new Volume(project, name, schedule, sizeGb, Optional.of(after), grownGb);
    }

    private static Schedule forever(int minutes) {
        return Schedule.forever(ofMinutes(minutes));
    }

    private static Schedule recurring(int firstMinutes, int everyMinutes, int lifetimeMinutes) {
        return Schedule.recurring(ofMinutes(firstMinutes), ofMinutes(everyMinutes), ofMinutes(lifetimeMinutes));
    }
}
