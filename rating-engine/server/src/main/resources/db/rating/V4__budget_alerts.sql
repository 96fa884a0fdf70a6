-- Budget alerts: when a project's charge for a billing period reaches the threshold, its webhook
-- is called once for that period (at least once: a failed call is retried on the next refresh).
CREATE TABLE rating_budget_alerts (
    id                    uuid PRIMARY KEY,
    project_id            varchar(255) NOT NULL,
    threshold             numeric      NOT NULL CHECK (threshold > 0),
    currency              char(3)      NOT NULL,
    webhook_url           text         NOT NULL,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    last_notified_period  timestamptz
);
CREATE INDEX rating_budget_alerts_by_project ON rating_budget_alerts (project_id);
