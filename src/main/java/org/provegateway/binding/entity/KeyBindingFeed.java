package org.provegateway.binding.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row every transaction that writes {@link KeyBindingEvent}s updates first and so keeps locked until it
 * commits. It makes the change feed exact: {@code key_binding_event.seq} is an identity value, handed out at insert
 * time, while transactions commit in any order; with this lock only one transaction at a time can insert events, so
 * a higher {@code seq} is always committed after every lower one, and a reader paging with "seq &gt; cursor" can
 * never pass over an event that commits later. This relies on the identity handing out increasing values across
 * connections, as both databases do with the schema's defaults (PostgreSQL: {@code CACHE 1}; Derby preallocates in one
 * shared generator); a per-session cache on PostgreSQL ({@code ALTER SEQUENCE ... CACHE n}) would break it.
 *
 * <p>Cost: binding changes are serialised from a transaction's first event to its commit. Those transactions are
 * short (no Prove call runs inside one; see {@code PossessionOutcomes}), so the lock is held for milliseconds and the
 * registry still takes hundreds of changes a second, far more than Prove's own rate limits let through. Code that
 * changes many bindings (a batch job) should commit in small transactions so that flows do not wait behind it.
 * {@code changes} counts the events written; nothing depends on its value.
 */
@Entity
@Table(name = "key_binding_feed")
public class KeyBindingFeed {

    /** The id of the one row (inserted by the migration). */
    public static final int ROW = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "changes", nullable = false)
    private long changes;

    protected KeyBindingFeed() {
        // for JPA
    }

    public long changes() {
        return changes;
    }
}
