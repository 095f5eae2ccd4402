-- prove-gateway schema, version 3: the audit trail.
-- Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL 13+.

-- One row per flow step (possession start / status change / bind, identity start / validate / complete, operator
-- revoke) and per key-binding change (bound, rebound, superseded, stale, revoked, deactivated), refusals included.
-- Written in the step's own transaction on success, in a transaction of its own on refusal. Holds no personal data:
-- the phone number only masked (last four digits), never a name, SSN, birth date, token or Prove identifier.
-- Rows older than audit.retention are removed by the audit purge timer.
CREATE TABLE audit_event (
    id            VARCHAR(36)  NOT NULL,
    seq           BIGINT       GENERATED ALWAYS AS IDENTITY,
    occurred_at   TIMESTAMP    NOT NULL,
    principal     VARCHAR(128) NOT NULL,
    action        VARCHAR(32)  NOT NULL,
    outcome       VARCHAR(48)  NOT NULL,
    flow_id       VARCHAR(36),
    binding_id    VARCHAR(36),
    state         VARCHAR(32),
    phone_masked  VARCHAR(16),
    CONSTRAINT pk_audit_event PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_audit_event_seq ON audit_event (seq);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_principal ON audit_event (principal, occurred_at);
CREATE INDEX ix_audit_event_flow ON audit_event (flow_id);
CREATE INDEX ix_audit_event_binding ON audit_event (binding_id);
