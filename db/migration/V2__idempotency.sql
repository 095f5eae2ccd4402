-- prove-gateway schema, version 2: Idempotency-Key records.
-- Portable SQL (Derby 10.16 and PostgreSQL 13+), like V1.

-- One row per (caller, Idempotency-Key): the first request's fingerprint and, once it is answered, its answer, so
-- that a repeat gets the same status and body without calling Prove again. The unique constraint on
-- (caller_scope, idem_key) makes a second row for the same caller and key impossible, whichever node inserts it.
-- caller_scope is the authenticated principal's name, or 'anonymous' while the API has no authentication.
-- idem_key holds the SHA-256 of the caller's key, never the key; body holds the gateway's own answer (flow id,
-- Prove's client authToken, status, phone number as in flow_session), sealed with AES-256-GCM under a key derived
-- from the caller's Idempotency-Key (idempotency.control.AnswerSeal), so the table shows no token in clear; never
-- identity data. Rows expire after idempotency.ttl and are purged with the flow sessions.
CREATE TABLE idempotency_record (
    id            VARCHAR(36)    NOT NULL,
    caller_scope  VARCHAR(128)   NOT NULL,
    idem_key      VARCHAR(128)   NOT NULL,
    request_hash  VARCHAR(64)    NOT NULL,
    state         VARCHAR(16)    NOT NULL,
    status        INTEGER,
    media_type    VARCHAR(100),
    location      VARCHAR(500),
    body          VARCHAR(16000),
    created_at    TIMESTAMP      NOT NULL,
    expires_at    TIMESTAMP      NOT NULL,
    version       BIGINT         NOT NULL,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (id),
    CONSTRAINT uq_idempotency_record_key UNIQUE (caller_scope, idem_key)
);
CREATE INDEX ix_idempotency_record_expires ON idempotency_record (expires_at);
