package io.meterflow.demo.scenario;

/**
 * A Nova flavor as notifications and libvirt's Nova metadata describe it. The flavor ids are the
 * names: libvirt's Nova metadata carries no flavor id, so the collector's polling reports the name
 * as the id, and an instance's {@code flavor_id} must not change between a notification and a poll.
 */
public record Flavor(String name, String id, int vcpus, int memoryMb, int rootGb) {

    public static final Flavor TINY = new Flavor("m1.tiny", "m1.tiny", 1, 512, 1);
    public static final Flavor SMALL = new Flavor("m1.small", "m1.small", 1, 2048, 20);
    public static final Flavor MEDIUM = new Flavor("m1.medium", "m1.medium", 2, 4096, 40);
    public static final Flavor LARGE = new Flavor("m1.large", "m1.large", 4, 8192, 80);
    public static final Flavor XLARGE = new Flavor("m1.xlarge", "m1.xlarge", 8, 16384, 160);
}
