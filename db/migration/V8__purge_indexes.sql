-- prove-gateway schema, version 8: indexes for the purge timers.
-- Portable SQL (Derby 10.16 and PostgreSQL 13+).
--
-- Each purge batch first selects the ids of up to batch-size rows past their time (ORDER BY the time, on sessions
-- and Idempotency-Key records), then deletes them by primary key. An index on (time, id) answers that selection from
-- the index alone (an index-only scan on PostgreSQL, a covering index scan on Derby) instead of visiting a table row
-- per id; it also serves every query the single-column time index served, which it therefore replaces.
CREATE INDEX ix_flow_session_purge ON flow_session (expires_at, id);
DROP INDEX ix_flow_session_expires;
CREATE INDEX ix_idempotency_record_purge ON idempotency_record (expires_at, id);
DROP INDEX ix_idempotency_record_expires;
CREATE INDEX ix_audit_event_purge ON audit_event (occurred_at, id);
DROP INDEX ix_audit_event_time;
