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
public class KeyBindingEvent {

    public static final String OF_BINDING = "KeyBindingEvent.ofBinding";

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
