package io.meterflow.collector.polling.compute;

import java.util.List;
import java.util.Objects;

/**
 * A libvirt domain that Nova manages, with what its XML says about the instance.
 *
 * @param id the instance id: the domain's UUID
 * @param domainName libvirt's name ({@code instance-0000000a})
 * @param displayName the name the user gave ({@code <nova:name>})
 * @param imageId the image booted from, or null (boot from volume)
 * @param osType {@code hvm}, from {@code <os><type>}
 * @param disks disks that have a source, in document order
 * @param nics interfaces with a target device and a MAC, in document order
 */
public record NovaInstance(
        String id,
        String domainName,
        String displayName,
        String projectId,
        String userId,
        Flavor flavor,
        String imageId,
        String osType,
        String architecture,
        List<Disk> disks,
        List<Nic> nics) {

    public NovaInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(flavor, "flavor");
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
    }
}
