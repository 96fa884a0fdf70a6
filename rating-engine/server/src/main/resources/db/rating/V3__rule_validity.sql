-- Validity windows and audit on hashmap rules (CloudKitty 23): a rule prices the periods that
-- start in [start_at, end_at); a rule without start_at prices always and stays editable, as in
-- CloudKitty 17. Deleting a rule keeps it with deleted_at: re-rating a period before the deletion
-- still uses it (beyond CloudKitty, whose deletions are not versioned). Uniqueness holds among
-- the rules not deleted.
ALTER TABLE rating_hashmap_mappings
    ADD COLUMN start_at   timestamptz,
    ADD COLUMN end_at     timestamptz,
    ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN created_by varchar(255),
    ADD COLUMN updated_by varchar(255),
    ADD COLUMN deleted_at timestamptz,
    ADD COLUMN deleted_by varchar(255),
    ADD CONSTRAINT rating_mapping_window CHECK (end_at IS NULL OR start_at IS NULL OR end_at > start_at);
ALTER TABLE rating_hashmap_thresholds
    ADD COLUMN start_at   timestamptz,
    ADD COLUMN end_at     timestamptz,
    ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN created_by varchar(255),
    ADD COLUMN updated_by varchar(255),
    ADD COLUMN deleted_at timestamptz,
    ADD COLUMN deleted_by varchar(255),
    ADD CONSTRAINT rating_threshold_window CHECK (end_at IS NULL OR start_at IS NULL OR end_at > start_at);

ALTER TABLE rating_hashmap_mappings DROP CONSTRAINT rating_uniq_field_mapping;
ALTER TABLE rating_hashmap_mappings DROP CONSTRAINT rating_uniq_service_mapping;
CREATE UNIQUE INDEX rating_uniq_field_mapping ON rating_hashmap_mappings (value, field_id, tenant_id)
    WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX rating_uniq_service_mapping ON rating_hashmap_mappings (value, service_id, tenant_id)
    WHERE deleted_at IS NULL;
ALTER TABLE rating_hashmap_thresholds DROP CONSTRAINT rating_uniq_field_threshold;
ALTER TABLE rating_hashmap_thresholds DROP CONSTRAINT rating_uniq_service_threshold;
CREATE UNIQUE INDEX rating_uniq_field_threshold ON rating_hashmap_thresholds (level, field_id, tenant_id)
    WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX rating_uniq_service_threshold ON rating_hashmap_thresholds (level, service_id, tenant_id)
    WHERE deleted_at IS NULL;
