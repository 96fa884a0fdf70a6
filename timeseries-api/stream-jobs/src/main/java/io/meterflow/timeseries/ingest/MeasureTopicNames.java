package io.meterflow.timeseries.ingest;

import io.meterflow.deployment.DeploymentNamespace;

/**
 * The names the measures path uses on Kafka for one deployment: the configured names in the
 * deployment's namespace.
 *
 * @param measures the measures topic the API appends to and the aggregator folds
 * @param deadLetter where measures the aggregator cannot apply go, with the reason
 * @param aggregatorApplicationId the aggregator's Kafka Streams application id (its consumer group)
 */
public record MeasureTopicNames(String measures, String deadLetter, String aggregatorApplicationId) {

    public static MeasureTopicNames of(IngestSettings settings, DeploymentNamespace namespace) {
        return new MeasureTopicNames(
                namespace.name(settings.measuresTopic()),
                namespace.name(settings.deadLetterTopic()),
                namespace.name(settings.aggregatorApplicationId()));
    }
}
