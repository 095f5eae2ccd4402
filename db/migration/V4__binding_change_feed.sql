-- prove-gateway schema, version 4: the key-binding change feed.
-- Portable SQL (Derby 10.16 and PostgreSQL 13+).
--
-- key_binding_event.seq is an identity column: its values are handed out when a row is inserted, but the inserting
-- transactions commit in any order. A reader that pages with "seq > last seen" could then pass over an event whose
-- transaction commits after a later seq was already read, and miss it forever. Every transaction that writes binding
-- events therefore first updates the single row of this table (KeyBindings does it before each event) and keeps its
-- row lock until it commits: events are inserted one transaction at a time, so seq order is commit order and
-- "seq > cursor" never skips a committed event. changes counts the events written under the lock (for operators;
-- nothing depends on its value).
CREATE TABLE key_binding_feed (
    id       INTEGER  NOT NULL,
    changes  BIGINT   NOT NULL,
    CONSTRAINT pk_key_binding_feed PRIMARY KEY (id)
);
INSERT INTO key_binding_feed (id, changes) VALUES (1, 0);
