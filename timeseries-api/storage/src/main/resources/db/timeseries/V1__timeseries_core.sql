-- Meterflow time-series core schema. docs/timeseries-storage.md explains the layout.

-- Whether the built-in archive policies have been installed on this database; a database is
-- seeded once, at its first start, so that deleting a built-in policy later sticks.
CREATE TABLE install_state (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE archive_policy (
    name                text PRIMARY KEY,
    -- listings show policies in the order they were created, as Gnocchi does
    created_order       bigint GENERATED ALWAYS AS IDENTITY,
    back_window         integer NOT NULL CHECK (back_window >= 0),
    -- [{"granularity": ns, "points": n}, ...], sorted by granularity
    definition          jsonb NOT NULL,
    aggregation_methods text[] NOT NULL
);

CREATE TABLE archive_policy_rule (
    name                text PRIMARY KEY,
    metric_pattern      text NOT NULL,
    archive_policy_name text NOT NULL REFERENCES archive_policy (name)
);

-- The resource index. This issue needs only what metrics link to; the resource API extends it.
CREATE TABLE resource (
    id                    uuid PRIMARY KEY,
    type                  text NOT NULL DEFAULT 'generic',
    original_resource_id  text NOT NULL,
    creator               text NOT NULL,
    created_by_user_id    text,
    created_by_project_id text,
    user_id               text,
    project_id            text,
    started_at            timestamptz NOT NULL DEFAULT now(),
    ended_at              timestamptz,
    revision_start        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resource_project_idx ON resource (project_id);

CREATE TABLE metric (
    id                    uuid PRIMARY KEY,
    archive_policy_name   text NOT NULL REFERENCES archive_policy (name),
    creator               text NOT NULL,
    created_by_user_id    text,
    created_by_project_id text,
    resource_id           uuid REFERENCES resource (id) ON DELETE CASCADE,
    name                  text,
    unit                  text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT metric_resource_name_unique UNIQUE (resource_id, name)
);
CREATE INDEX metric_archive_policy_idx ON metric (archive_policy_name);
CREATE INDEX metric_creator_idx ON metric (creator);
CREATE INDEX metric_name_idx ON metric (name);

-- Raw measures of the current back window, one row per metric: the state from which late
-- measures re-aggregate their buckets. Locked FOR UPDATE while a write folds measures in.
CREATE TABLE metric_unaggregated (
    metric_id      uuid PRIMARY KEY REFERENCES metric (id) ON DELETE CASCADE,
    last_timestamp bigint,
    points         bytea NOT NULL
);

-- Aggregates, split like Gnocchi's carbonara: one row holds up to 3,600 points of one
-- (metric, granularity, method), keyed by the first instant the split covers.
CREATE TABLE aggregate_split (
    metric_id   uuid   NOT NULL REFERENCES metric (id) ON DELETE CASCADE,
    granularity bigint NOT NULL,
    method      text   NOT NULL,
    split_start bigint NOT NULL,
    points      bytea  NOT NULL,
    PRIMARY KEY (metric_id, method, granularity, split_start)
);
