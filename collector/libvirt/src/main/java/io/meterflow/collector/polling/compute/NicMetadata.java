package io.meterflow.collector.polling.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The instance metadata plus what Ceilometer's network pollsters add for one interface. */
final class NicMetadata {

    private NicMetadata() {}

    static ObjectNode of(ComputeSamples samples, Nic nic) {
        ObjectNode metadata = samples.metadata();
        metadata.put("name", nic.device());
        metadata.put("mac", nic.mac());
        metadata.put("fref", nic.filterRef());
        ObjectNode parameters = metadata.putObject("parameters");
        nic.parameters().forEach(parameters::put);
        metadata.put("vnic_name", nic.vnicName());
        return metadata;
    }
}
