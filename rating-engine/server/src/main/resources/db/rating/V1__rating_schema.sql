-- The rating engine's tables, prefixed rating_ (docs/services.md). Shapes and constraints follow
-- CloudKitty 17's models where the API mirrors it, so the same requests meet the same conflicts.

CREATE TABLE rating_hashmap_services (
    id         serial PRIMARY KEY,
    service_id varchar(36)  NOT NULL UNIQUE,
    name       varchar(255) NOT NULL UNIQUE
);

CREATE TABLE rating_hashmap_fields (
    id         serial PRIMARY KEY,
    field_id   varchar(36)  NOT NULL UNIQUE,
    name       varchar(255) NOT NULL,
    service_id integer      NOT NULL REFERENCES rating_hashmap_services (id) ON DELETE CASCADE,
    CONSTRAINT rating_uniq_field_per_service UNIQUE (service_id, name)
);

CREATE TABLE rating_hashmap_groups (
    id       serial PRIMARY KEY,
    group_id varchar(36)  NOT NULL UNIQUE,
    name     varchar(255) NOT NULL UNIQUE
);

-- cost NUMERIC(40,28) and level NUMERIC(20,8) as CloudKitty's: the API prints them at that scale.
CREATE TABLE rating_hashmap_mappings (
    id         serial PRIMARY KEY,
    mapping_id varchar(36)    NOT NULL UNIQUE,
    value      varchar(255),
    cost       numeric(40, 28) NOT NULL,
    map_type   varchar(4)     NOT NULL CHECK (map_type IN ('flat', 'rate')),
    service_id integer REFERENCES rating_hashmap_services (id) ON DELETE CASCADE,
    field_id   integer REFERENCES rating_hashmap_fields (id) ON DELETE CASCADE,
    group_id   integer REFERENCES rating_hashmap_groups (id) ON DELETE SET NULL,
    tenant_id  varchar(255),
    CONSTRAINT rating_uniq_field_mapping UNIQUE (value, field_id, tenant_id),
    CONSTRAINT rating_uniq_service_mapping UNIQUE (value, service_id, tenant_id)
);

CREATE TABLE rating_hashmap_thresholds (
    id           serial PRIMARY KEY,
    threshold_id varchar(36)    NOT NULL UNIQUE,
    level        numeric(20, 8),
    cost         numeric(40, 28) NOT NULL,
    map_type     varchar(4)     NOT NULL CHECK (map_type IN ('flat', 'rate')),
    service_id   integer REFERENCES rating_hashmap_services (id) ON DELETE CASCADE,
    field_id     integer REFERENCES rating_hashmap_fields (id) ON DELETE CASCADE,
    group_id     integer REFERENCES rating_hashmap_groups (id) ON DELETE SET NULL,
    tenant_id    varchar(255),
    CONSTRAINT rating_uniq_field_threshold UNIQUE (level, field_id, tenant_id),
    CONSTRAINT rating_uniq_service_threshold UNIQUE (level, service_id, tenant_id)
);

-- State and priority of each rating module; a module without a row is disabled, priority 1.
CREATE TABLE rating_modules (
    module_id varchar(255) PRIMARY KEY,
    enabled   boolean NOT NULL,
    priority  integer NOT NULL
);

CREATE TABLE rating_pyscripts (
    id        serial PRIMARY KEY,
    script_id varchar(36)  NOT NULL UNIQUE,
    name      varchar(255) NOT NULL UNIQUE,
    data      text         NOT NULL,
    checksum  varchar(128) NOT NULL
);

-- CloudKitty's v1 collector API: which collector serves a service, and which collectors are on.
CREATE TABLE rating_collector_mappings (
    id        serial PRIMARY KEY,
    service   varchar(255) NOT NULL UNIQUE,
    collector varchar(255) NOT NULL
);

CREATE TABLE rating_collector_states (
    name    varchar(255) PRIMARY KEY,
    enabled boolean NOT NULL
);

-- Per scope: the end of the last period rated (null: none yet) and whether it is rated at all.
CREATE TABLE rating_scope_states (
    id                           serial PRIMARY KEY,
    scope_id                     varchar(255) NOT NULL UNIQUE,
    scope_key                    varchar(255) NOT NULL,
    fetcher                      varchar(255) NOT NULL,
    collector                    varchar(255) NOT NULL,
    last_processed_timestamp     timestamptz,
    active                       boolean      NOT NULL DEFAULT true,
    scope_activation_toggle_date timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE rating_reprocess_schedules (
    id                     serial PRIMARY KEY,
    scope_id               varchar(255) NOT NULL,
    reason                 text         NOT NULL,
    start_reprocess_time   timestamptz  NOT NULL,
    end_reprocess_time     timestamptz  NOT NULL,
    current_reprocess_time timestamptz
);

-- Rated points (CloudKitty v2 dataframes), one row per point: summaries group them by project,
-- type and time, so those are columns; the rest of the groupby and the metadata stay documents.
CREATE TABLE rating_dataframes (
    id           bigserial PRIMARY KEY,
    period_begin timestamptz  NOT NULL,
    period_end   timestamptz  NOT NULL,
    type         varchar(255) NOT NULL,
    unit         varchar(255) NOT NULL,
    qty          numeric      NOT NULL,
    price        numeric      NOT NULL,
    project_id   varchar(255),
    groupby      jsonb        NOT NULL,
    metadata     jsonb        NOT NULL
);
CREATE INDEX rating_dataframes_by_project ON rating_dataframes (project_id, period_begin);
CREATE INDEX rating_dataframes_by_time ON rating_dataframes (period_begin, type);
