-- The resource index: resource types, typed attributes, revisions. docs/timeseries-storage.md
-- ("Resources") explains the layout and the indexes.

CREATE TABLE resource_type (
    name          text PRIMARY KEY,
    -- listings show types in the order they were created, as Gnocchi does
    created_order bigint GENERATED ALWAYS AS IDENTITY,
    -- [{"name": ..., "type": ..., "required": ..., <type options>}, ...] in declaration order
    attributes    jsonb NOT NULL DEFAULT '[]',
    state         text NOT NULL DEFAULT 'active',
    updated_at    timestamptz NOT NULL DEFAULT now()
);
INSERT INTO resource_type (name) VALUES ('generic');

-- Type attributes live in one JSONB object per row, normalised on write (uuids lowercase,
-- datetimes as UTC isoformat, which sorts as text). Each attribute of each type gets a partial
-- expression index (AttributeIndexes) created with the type, so typed filters are index scans.
ALTER TABLE resource
    ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}',
    ADD CONSTRAINT resource_type_fk FOREIGN KEY (type) REFERENCES resource_type (name) ON DELETE RESTRICT,
    ADD CONSTRAINT resource_started_before_ended CHECK (started_at <= ended_at);
CREATE INDEX resource_type_idx ON resource (type, id);
CREATE INDEX resource_started_at_idx ON resource (started_at);
CREATE INDEX resource_ended_at_idx ON resource (ended_at);
CREATE INDEX resource_user_idx ON resource (user_id);
CREATE INDEX resource_creator_idx ON resource (creator);
CREATE INDEX resource_original_id_idx ON resource (original_resource_id);


-- Earlier revisions of resources: a PATCH that changes something copies the row here first.
CREATE TABLE resource_history (
    revision              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                    uuid NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
    type                  text NOT NULL REFERENCES resource_type (name) ON DELETE RESTRICT,
    original_resource_id  text NOT NULL,
    creator               text NOT NULL,
    created_by_user_id    text,
    created_by_project_id text,
    user_id               text,
    project_id            text,
    started_at            timestamptz NOT NULL,
    ended_at              timestamptz,
    revision_start        timestamptz NOT NULL,
    revision_end          timestamptz NOT NULL,
    attributes            jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX resource_history_id_idx ON resource_history (id, revision);
CREATE INDEX resource_history_type_idx ON resource_history (type);
