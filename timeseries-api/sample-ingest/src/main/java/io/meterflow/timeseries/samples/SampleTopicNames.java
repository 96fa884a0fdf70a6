package io.meterflow.timeseries.samples;

import io.meterflow.deployment.DeploymentNamespace;

/**
 * The names the sample ingest uses on Kafka for one deployment: the configured names in the
 * deployment's namespace, which the collector feeding it uses too.
 */
public record SampleTopicNames(String samples, String resourceEvents, String deadLetter, String applicationId) {

    public static SampleTopicNames of(SampleIngestSettings settings, DeploymentNamespace namespace) {
        return new SampleTopicNames(
                namespace.name(settings.samplesTopic()),
                namespace.name(settings.resourceEventsTopic()),
                namespace.name(settings.deadLetterTopic()),
                namespace.name(settings.applicationId()));
    }
}
