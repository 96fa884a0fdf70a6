-- The deployment this database belongs to, stored once at install. Its id names the deployment in
-- Kafka's registry of namespaces (meterflow.deployments) and, unless METERFLOW_DEPLOYMENT says
-- otherwise, gives the namespace of its topics and consumer groups: mf-<first 8 hex digits>.
-- A database that already held metrics or had folded from Kafka when this migration ran keeps the
-- topic names it used (legacy_topics), so an upgrade does not strand records in the old topics.
CREATE TABLE deployment (
    singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    id            uuid    NOT NULL,
    legacy_topics boolean NOT NULL,
    installed_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO deployment (id, legacy_topics)
SELECT gen_random_uuid(), EXISTS (SELECT 1 FROM metric) OR EXISTS (SELECT 1 FROM aggregator_progress);
