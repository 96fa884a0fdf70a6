-- Keystone projects' lifespans, from the collector's project events (Keystone's notifications).
-- Every time is Keystone's event time; events may arrive out of order and more than once, so each
-- column keeps the earliest or latest time as its meaning asks, and applying an event twice
-- changes nothing.
CREATE TABLE rating_project_lifespans (
    project_id        varchar(255) PRIMARY KEY,
    created_at        timestamptz,
    -- the latest disabling, and the latest enabling when it came after it (null: never / not since)
    disabled_at       timestamptz,
    enabled_again_at  timestamptz,
    -- the latest update that left the project enabled, whatever came before
    last_enabled_at   timestamptz,
    deleted_at        timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Project events applied, by oslo message id: a redelivered one is recognised.
CREATE TABLE rating_project_events_applied (
    message_id  varchar(255) PRIMARY KEY,
    project_id  varchar(255) NOT NULL,
    applied_at  timestamptz  NOT NULL DEFAULT now()
);
