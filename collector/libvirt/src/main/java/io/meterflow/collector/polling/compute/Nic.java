package io.meterflow.collector.polling.compute;

import java.util.Map;
import java.util.Objects;

/**
 * A network interface with a target device and a MAC, as Ceilometer's libvirt inspector reads it.
 *
 * @param device the target device ({@code tapcd4e2e4e-2a}), what interface stats are asked for
 * @param filterRef the legacy nwfilter's name, or null
 * @param parameters filterref parameters (names lower-cased) plus {@code interfaceid} and
 *     {@code bridge}, either of which may be null
 */
public record Nic(String device, String mac, String filterRef, Map<String, String> parameters) {

    public Nic {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(mac, "mac");
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** Ceilometer's resource id: the filter's name if there is one, else instance name, uuid and tap. */
    public String resourceId(NovaInstance instance) {
        return filterRef != null ? filterRef : instance.domainName() + "-" + instance.id() + "-" + device;
    }

    /** Ceilometer's {@code vnic_name}: the filter's name if there is one, else the device. */
    public String vnicName() {
        return filterRef != null ? filterRef : device;
    }
}
