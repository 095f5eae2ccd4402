-- prove-gateway schema, version 1.
-- Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL 13+. Applied by Flyway (the gateway at
-- start-up when db.migrate-on-start=true, or by a DBA; see README). Never edit a released migration: add V2__...

-- One row per Prove flow (Unified Authentication or Prove Identity). Holds no identity data (name, DOB, SSN,
-- address, e-mail): those only pass through memory. The phone number is kept in E.164 form because device
-- recovery and the key-binding registry need it.
CREATE TABLE flow_session (
    id                VARCHAR(36)  NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    correlation_id    VARCHAR(36)  NOT NULL,
    flow_type         VARCHAR(16)  NOT NULL,
    state             VARCHAR(32)  NOT NULL,
    phone_number      VARCHAR(20),
    client_request_id VARCHAR(64)  NOT NULL,
    customer_ref      VARCHAR(64),
    device_id         VARCHAR(64),
    prove_id          VARCHAR(64),
    rebind            BOOLEAN      NOT NULL,
    failure_reasons   VARCHAR(1000),
    created_at        TIMESTAMP    NOT NULL,
    updated_at        TIMESTAMP    NOT NULL,
    expires_at        TIMESTAMP    NOT NULL,
    version           BIGINT       NOT NULL,
    CONSTRAINT pk_flow_session PRIMARY KEY (id),
    CONSTRAINT uq_flow_session_correlation UNIQUE (correlation_id)
);
CREATE INDEX ix_flow_session_expires ON flow_session (expires_at);

-- The Prove Key binding registry: which device key is bound to which phone number, person and customer.
-- active_device_id equals device_id while the binding is ACTIVE or STALE and is NULL otherwise; its unique
-- constraint makes a second live binding for one device impossible (Derby has no partial indexes, and both
-- databases allow many NULLs in a unique column).
CREATE TABLE key_binding (
    id                VARCHAR(36)  NOT NULL,
    device_id         VARCHAR(64)  NOT NULL,
    active_device_id  VARCHAR(64),
    phone_number      VARCHAR(20)  NOT NULL,
    prove_id          VARCHAR(64),
    customer_ref      VARCHAR(64),
    state             VARCHAR(16)  NOT NULL,
    bound_at          TIMESTAMP    NOT NULL,
    last_used_at      TIMESTAMP    NOT NULL,
    state_changed_at  TIMESTAMP    NOT NULL,
    version           BIGINT       NOT NULL,
    CONSTRAINT pk_key_binding PRIMARY KEY (id),
    CONSTRAINT uq_key_binding_active_device UNIQUE (active_device_id)
);
CREATE INDEX ix_key_binding_device ON key_binding (device_id);
CREATE INDEX ix_key_binding_phone ON key_binding (phone_number);
CREATE INDEX ix_key_binding_customer ON key_binding (customer_ref);
CREATE INDEX ix_key_binding_prove_id ON key_binding (prove_id);
CREATE INDEX ix_key_binding_last_used ON key_binding (last_used_at);

-- History of every change to a binding. seq orders all changes of all bindings (oldest first).
CREATE TABLE key_binding_event (
    id           VARCHAR(36)  NOT NULL,
    seq          BIGINT       GENERATED ALWAYS AS IDENTITY,
    binding_id   VARCHAR(36)  NOT NULL,
    event        VARCHAR(24)  NOT NULL,
    flow_id      VARCHAR(36),
    detail       VARCHAR(200),
    occurred_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_key_binding_event PRIMARY KEY (id),
    CONSTRAINT fk_key_binding_event_binding FOREIGN KEY (binding_id) REFERENCES key_binding (id)
);
CREATE UNIQUE INDEX ux_key_binding_event_seq ON key_binding_event (seq);
CREATE INDEX ix_key_binding_event_binding ON key_binding_event (binding_id, seq);
