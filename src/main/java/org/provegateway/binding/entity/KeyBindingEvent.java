package org.provegateway.binding.entity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One entry of a binding's history. Never changed once written. */
@Entity
@Table(name = "key_binding_event")
@NamedQuery(name = KeyBindingEvent.OF_BINDING,
        query = "SELECT e FROM KeyBindingEvent e WHERE e.bindingId = :bindingId ORDER BY e.seq")
@NamedQuery(name = KeyBindingEvent.AFTER, query = "SELECT e, b FROM KeyBindingEvent e, KeyBinding b"
        + " WHERE b.id = e.bindingId AND e.seq > :after ORDER BY e.seq")
@NamedQuery(name = KeyBindingEvent.LOCK_FEED,
        query = "UPDATE KeyBindingFeed f SET f.changes = f.changes + 1 WHERE f.id = " + KeyBindingFeed.ROW)
public class KeyBindingEvent {

    public static final String OF_BINDING = "KeyBindingEvent.ofBinding";
    /** Events after a position of the change feed, oldest first, each with its binding (as it is now). */
    public static final String AFTER = "KeyBindingEvent.after";
    /** Takes the change feed's row lock for the rest of the transaction; see {@link KeyBindingFeed}. */
    public static final String LOCK_FEED = "KeyBindingEvent.lockFeed";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    /** Assigned by the database (identity column): the order of all binding changes. */
    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "binding_id", nullable = false, length = 36)
    private String bindingId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event", nullable = false, length = 24)
    private BindingEventType event;

    @Column(name = "flow_id", length = 36)
    private String flowId;

    @Column(name = "detail", length = 200)
    private String detail;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected KeyBindingEvent() {
        // for JPA
    }

    public KeyBindingEvent(KeyBinding binding, BindingEventType event, String flowId, String detail, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.bindingId = binding.id();
        this.event = event;
        this.flowId = flowId;
        this.detail = detail;
        this.occurredAt = now;
    }

    /** The event's position in the change feed; assigned by the database on insert. */
    public long seq() {
        return seq;
    }

    public String bindingId() {
        return bindingId;
    }

    public BindingEventType event() {
        return event;
    }

    public Optional<String> flowId() {
        return Optional.ofNullable(flowId);
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
