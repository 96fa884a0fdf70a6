-- Pricing plans CloudKitty lacks, on a project's quantity over its billing period (calendar month,
-- UTC): the plans, which project is on which plan when, prepaid credit grants and what each
-- frozen period drew from them, and each project's charge per billing period, kept current by the
-- processor until an invoice run freezes it.
CREATE TABLE rating_plans (
    code       varchar(255) PRIMARY KEY,
    currency   char(3)      NOT NULL,
    definition jsonb        NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE rating_plan_subscriptions (
    id         uuid PRIMARY KEY,
    project_id varchar(255) NOT NULL,
    plan_code  varchar(255) NOT NULL REFERENCES rating_plans (code),
    starts_at  timestamptz  NOT NULL,
    ends_at    timestamptz,
    created_at timestamptz  NOT NULL DEFAULT now(),
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX rating_plan_subscriptions_by_project ON rating_plan_subscriptions (project_id, starts_at);

CREATE TABLE rating_credit_grants (
    id           uuid PRIMARY KEY,
    project_id   varchar(255) NOT NULL,
    amount       numeric      NOT NULL CHECK (amount > 0),
    currency     char(3)      NOT NULL,
    effective_at timestamptz  NOT NULL,
    expires_at   timestamptz,
    priority     integer      NOT NULL DEFAULT 0,
    reason       text         NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX rating_credit_grants_by_project ON rating_credit_grants (project_id);

-- One row per project and billing period; frozen rows never change again.
CREATE TABLE rating_period_charges (
    project_id   varchar(255) NOT NULL,
    period_start timestamptz  NOT NULL,
    period_end   timestamptz  NOT NULL,
    plan_code    varchar(255) NOT NULL REFERENCES rating_plans (code),
    currency     char(3)      NOT NULL,
    subtotal     numeric      NOT NULL,
    total        numeric      NOT NULL,
    detail       jsonb        NOT NULL, -- the charge as the API shows it: lines, credits drawn, quantities
    frozen       boolean      NOT NULL DEFAULT false,
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, period_start)
);

-- What a frozen period drew from each grant: a grant's balance is its amount less these.
CREATE TABLE rating_credit_uses (
    grant_id     uuid         NOT NULL REFERENCES rating_credit_grants (id),
    project_id   varchar(255) NOT NULL,
    period_start timestamptz  NOT NULL,
    amount       numeric      NOT NULL CHECK (amount > 0),
    PRIMARY KEY (grant_id, period_start)
);
