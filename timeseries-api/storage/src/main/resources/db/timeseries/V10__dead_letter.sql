-- Every record the stream jobs dead-lettered, one row per source record: measures records the
-- aggregator could not apply (written in the transaction that moves aggregator_progress past
-- them), samples and resource events the sample ingest could not. Keyed by where the record was
-- read, so a replay after a crash counts it once. /v1/status counts them; a read with
-- refresh=true says whether the metric's waited-for measures were folded or dead-lettered. The
-- records themselves, with the reason in a header, are in the dead-letter topics.
CREATE TABLE dead_letter (
    source_topic     text        NOT NULL,
    source_partition integer     NOT NULL,
    source_offset    bigint      NOT NULL,
    -- measures, sample or resource-event
    kind             text        NOT NULL,
    -- the metric the measures were for, when the record says
    metric_id        uuid,
    measures         integer     NOT NULL,
    reason           text        NOT NULL,
    dead_lettered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_topic, source_partition, source_offset)
);

CREATE INDEX dead_letter_metric ON dead_letter (metric_id) WHERE metric_id IS NOT NULL;
