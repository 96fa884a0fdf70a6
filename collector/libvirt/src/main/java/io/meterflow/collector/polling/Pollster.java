package io.meterflow.collector.polling;

import io.meterflow.wire.Sample;
import java.util.List;

/**
 * One meter family over one kind of resource: compute pollsters read a libvirt domain's stats,
 * central pollsters (Glance, Cinder, Swift) will read an API's resources. The pollster only maps;
 * fetching the resource is its {@link ResourceSource}'s job, so mapping is testable without I/O.
 *
 * @param <R> what the pollster reads, as its source delivers it
 */
public interface Pollster<R> {

    /** The meter names this pollster can produce, so a selection can leave it out entirely. */
    List<String> meters();

    /** The samples of one resource in one cycle; empty when the resource lacks the data. */
    List<Sample> poll(R resource, PollStamp stamp);
}
