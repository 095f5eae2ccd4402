-- prove-gateway schema, version 7: secrets of this installation (this database).
-- Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL 13+.

-- One row per secret, created by the first gateway node that needs it (random, 256 bits, Base64) and then shared by
-- every node on this database. 'cursor-signing' signs the cursors the gateway hands out (change feed, audit events),
-- so that a cursor the gateway did not issue, forged or from another database, is refused. Never logged or served.
-- Deleting the row invalidates every cursor issued so far (callers then start again from the beginning).
CREATE TABLE installation_secret (
    name        VARCHAR(64)  NOT NULL,
    secret      VARCHAR(128) NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_installation_secret PRIMARY KEY (name)
);
