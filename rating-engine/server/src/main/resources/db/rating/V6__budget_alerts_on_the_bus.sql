-- Budget alerts also go out as oslo notifications on the bus, each channel recorded on its own:
-- a webhook that answers does not mark the bus done, nor the other way round. An alert may have
-- no webhook when the bus carries it.
ALTER TABLE rating_budget_alerts ALTER COLUMN webhook_url DROP NOT NULL;
ALTER TABLE rating_budget_alerts ADD COLUMN last_published_period timestamptz;
