-- Deleting a service, a field or a group is kept with its time, as deleting a rule is (V3): the
-- rules under a deleted service or field are deleted with it at the same instant, and the rules of
-- a group deleted without them leave the group at that instant, so re-rating a period from before
-- uses the configuration of then. The API no longer shows what is deleted, and its names are free
-- for reuse.
ALTER TABLE rating_hashmap_services ADD COLUMN deleted_at timestamptz, ADD COLUMN deleted_by varchar(255);
ALTER TABLE rating_hashmap_fields ADD COLUMN deleted_at timestamptz, ADD COLUMN deleted_by varchar(255);
ALTER TABLE rating_hashmap_groups ADD COLUMN deleted_at timestamptz, ADD COLUMN deleted_by varchar(255);

ALTER TABLE rating_hashmap_services DROP CONSTRAINT rating_hashmap_services_name_key;
CREATE UNIQUE INDEX rating_hashmap_services_live_name ON rating_hashmap_services (name) WHERE deleted_at IS NULL;
ALTER TABLE rating_hashmap_fields DROP CONSTRAINT rating_uniq_field_per_service;
CREATE UNIQUE INDEX rating_uniq_field_per_service ON rating_hashmap_fields (service_id, name) WHERE deleted_at IS NULL;
ALTER TABLE rating_hashmap_groups DROP CONSTRAINT rating_hashmap_groups_name_key;
CREATE UNIQUE INDEX rating_hashmap_groups_live_name ON rating_hashmap_groups (name) WHERE deleted_at IS NULL;
