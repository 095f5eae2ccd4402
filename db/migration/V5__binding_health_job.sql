-- prove-gateway schema, version 5: the binding-health batch job.
-- Portable SQL (Derby 10.16 and PostgreSQL 13+).

-- When a live binding was last told that Prove will soon deactivate its key (the job's warning window). A
-- binding used again after that (last_used_at later than this) can be warned again.
ALTER TABLE key_binding ADD COLUMN deactivation_warned_at TIMESTAMP;

-- One row per run of the binding-health job: the report, and the job's own checkpoint. A run that fails part-way
-- keeps its row; the next start continues it (same as_of, after last_binding_id) instead of beginning again.
-- last_binding_id and the counts are updated in the same transaction as the chunk of bindings they describe, so
-- they always agree with the registry, whatever happens to the server.
CREATE TABLE binding_health_run (
    id                VARCHAR(36)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    trigger_kind      VARCHAR(16)  NOT NULL,
    as_of             TIMESTAMP    NOT NULL,
    warning_days      INTEGER      NOT NULL,
    started_at        TIMESTAMP    NOT NULL,
    updated_at        TIMESTAMP    NOT NULL,
    finished_at       TIMESTAMP,
    execution_id      BIGINT,
    executions        INTEGER      NOT NULL,
    last_binding_id   VARCHAR(36),
    checked           BIGINT       NOT NULL,
    deactivated       BIGINT       NOT NULL,
    warned            BIGINT       NOT NULL,
    already_warned    BIGINT       NOT NULL,
    unchanged         BIGINT       NOT NULL,
    failure           VARCHAR(200),
    CONSTRAINT pk_binding_health_run PRIMARY KEY (id)
);
CREATE INDEX ix_binding_health_run_started ON binding_health_run (started_at);

-- A cluster-wide lock: at most one binding-health run at a time on all nodes sharing this database. A node claims
-- it with a conditional UPDATE (free, or its lease expired), renews the lease with every chunk and frees it when the
-- run ends; a node that crashed holds it only until lease_until.
CREATE TABLE job_lock (
    name         VARCHAR(64)  NOT NULL,
    owner        VARCHAR(36),
    lease_until  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_job_lock PRIMARY KEY (name)
);
INSERT INTO job_lock (name, owner, lease_until) VALUES ('binding-health', NULL, CAST('1970-01-01 00:00:00' AS TIMESTAMP));
