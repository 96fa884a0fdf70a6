-- Invoicing: issuers (the operator's legal entities, each with its own gap-free number sequence),
-- billing accounts (a customer and the projects it pays for), invoices and credit notes with their
-- frozen snapshots, what each issued invoice billed (for late-usage adjustments), and the audit trail.

CREATE TABLE reports_issuers (
    id             varchar(64)  PRIMARY KEY,
    data           jsonb        NOT NULL, -- party, bank, logo
    number_pattern varchar(255) NOT NULL,
    -- The next invoice number's counter: taken under the row lock in the issuing transaction, so a
    -- rolled-back issue gives its number back and concurrent issues never share or skip one.
    next_number    bigint       NOT NULL CHECK (next_number >= 1),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE reports_accounts (
    id               varchar(255) PRIMARY KEY,
    issuer_id        varchar(64)  NOT NULL REFERENCES reports_issuers (id),
    customer         jsonb        NOT NULL, -- party, currency, language, tax
    discount_percent numeric      NOT NULL DEFAULT 0 CHECK (discount_percent >= 0 AND discount_percent <= 100),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now()
);

-- A project is billed to one account at a time.
CREATE TABLE reports_account_projects (
    project_id varchar(255) PRIMARY KEY,
    account_id varchar(255) NOT NULL REFERENCES reports_accounts (id) ON DELETE CASCADE
);
CREATE INDEX reports_account_projects_by_account ON reports_account_projects (account_id);

CREATE TABLE reports_invoices (
    id           uuid         PRIMARY KEY,
    type         varchar(16)  NOT NULL CHECK (type IN ('invoice', 'credit_note')),
    status       varchar(16)  NOT NULL CHECK (status IN ('draft', 'issued', 'paid', 'voided', 'skipped')),
    account_id   varchar(255) NOT NULL REFERENCES reports_accounts (id),
    issuer_id    varchar(64)  NOT NULL REFERENCES reports_issuers (id),
    period_start date         NOT NULL,
    period_end   date         NOT NULL,
    zone         varchar(64)  NOT NULL,
    currency     char(3)      NOT NULL,
    total        numeric      NOT NULL,
    number       varchar(64),
    document     jsonb        NOT NULL,
    -- The rated usage this invoice bills, per period, project and rating type: what later
    -- ratings of those periods are compared with to find late usage.
    billed       jsonb        NOT NULL DEFAULT '[]',
    corrects     uuid         REFERENCES reports_invoices (id),
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    issued_at    timestamptz,
    paid_at      timestamptz,
    voided_at    timestamptz,
    UNIQUE (issuer_id, number),
    CHECK ((status = 'draft') = (issued_at IS NULL)),
    CHECK (status IN ('draft', 'skipped') OR number IS NOT NULL)
);
CREATE UNIQUE INDEX reports_one_invoice_per_account_and_period
    ON reports_invoices (account_id, period_start, period_end) WHERE type = 'invoice';
CREATE INDEX reports_invoices_by_period ON reports_invoices (period_start, status);
CREATE INDEX reports_credit_notes_by_invoice ON reports_invoices (corrects) WHERE corrects IS NOT NULL;

-- Issued invoices never change, whoever writes: past a draft, only the step to paid or voided is
-- allowed, and nothing but a draft is ever deleted.
CREATE FUNCTION reports_invoices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'draft' THEN
            RAISE EXCEPTION 'invoice % is %: only drafts are deleted', coalesce(OLD.number, OLD.id::text), OLD.status
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status = 'draft' THEN
        RETURN NEW;
    END IF;
    IF (to_jsonb(NEW) - 'status' - 'paid_at' - 'voided_at' - 'updated_at')
            IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'paid_at' - 'voided_at' - 'updated_at')
        OR NOT (NEW.status = OLD.status
                OR (OLD.status = 'issued' AND NEW.status IN ('paid', 'voided'))) THEN
        RAISE EXCEPTION 'invoice % is %: issued invoices never change', coalesce(OLD.number, OLD.id::text), OLD.status
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER reports_invoices_immutable BEFORE UPDATE OR DELETE ON reports_invoices
    FOR EACH ROW EXECUTE FUNCTION reports_invoices_immutable();

-- Who did what to which invoice or account, and when; never rewritten.
CREATE TABLE reports_audit (
    id         bigserial    PRIMARY KEY,
    at         timestamptz  NOT NULL,
    actor      varchar(255) NOT NULL,
    action     varchar(64)  NOT NULL,
    invoice_id uuid,
    account_id varchar(255),
    detail     jsonb        NOT NULL DEFAULT '{}'
);
CREATE INDEX reports_audit_by_invoice ON reports_audit (invoice_id, id);

CREATE FUNCTION reports_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER reports_audit_append_only BEFORE UPDATE OR DELETE ON reports_audit
    FOR EACH ROW EXECUTE FUNCTION reports_audit_append_only();
