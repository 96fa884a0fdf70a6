-- How far the Kafka Streams aggregator has folded each partition of the measures topic, written
-- in the same transaction as the aggregates and buffers it produced. docs/ingestion.md explains
-- why this, and not only Kafka's committed offsets, is the aggregator's source of truth.
CREATE TABLE aggregator_progress (
    topic         text    NOT NULL,
    partition     integer NOT NULL,
    -- the offset of the next record to fold; records below it are already in the aggregates
    next_offset   bigint  NOT NULL,
    -- totals since the partition was first folded, for /v1/status's estimate of the backlog
    records       bigint  NOT NULL DEFAULT 0,
    measures      bigint  NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition)
);
