-- prove-gateway schema, version 6: a flow belongs to the caller that started it.
-- Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL 13+.

-- The principal that started the flow (the JWT's upn; demo/tests: the Basic user; a SHA-256 digest for names longer
-- than 200 characters). Every later step by another principal is answered as for an unknown flow. NULL only for
-- flows started before this version: those stay open to any flow-runner until they expire (session.ttl), so that
-- flows in progress during an upgrade, or started by a node not yet upgraded, still finish.
ALTER TABLE flow_session ADD COLUMN started_by VARCHAR(256);
