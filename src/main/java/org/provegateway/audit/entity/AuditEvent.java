package org.provegateway.audit.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One row of the audit trail: who ({@code principal}) did what ({@code action}) to which flow or binding, when, with
 * which outcome ({@code success} or the problem type) and the resulting state. The phone number is stored masked
 * only. Never changed once written; removed after the retention period.
 */
@Entity
@Table(name = "audit_event")
@NamedQuery(name = AuditEvent.OLDER_THAN, query = "SELECT e.id FROM AuditEvent e WHERE e.occurredAt < :cutoff")
@NamedQuery(name = AuditEvent.DELETE, query = "DELETE FROM AuditEvent e WHERE e.id IN :ids AND e.occurredAt < :cutoff")
public class AuditEvent {

    public static final String OLDER_THAN = "AuditEvent.olderThan";
    public static final String DELETE = "AuditEvent.delete";

    /** The outcome of a step that succeeded; refusals record their problem type instead. */
    public static final String SUCCESS = "success";

    static final int PRINCIPAL_LENGTH = 128;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    /** Assigned by the database (identity column): the order in which rows were written. */
    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "principal", nullable = false, length = PRINCIPAL_LENGTH)
    private String principal;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 32)
    private AuditAction action;

    @Column(name = "outcome", nullable = false, length = 48)
    private String outcome;

    @Column(name = "flow_id", length = 36)
    private String flowId;

    @Column(name = "binding_id", length = 36)
    private String bindingId;

    @Column(name = "state", length = 32)
    private String state;

    @Column(name = "phone_masked", length = 16)
    private String phoneMasked;

    protected AuditEvent() {
        // for JPA
    }

    /**
     * @param phoneMasked the phone number already masked; this class never sees a full number
     */
    public AuditEvent(Instant occurredAt, String principal, AuditAction action, String outcome, String flowId,
            String bindingId, String state, String phoneMasked) {
        this.id = UUID.randomUUID().toString();
        this.occurredAt = occurredAt;
        this.principal = principal.length() > PRINCIPAL_LENGTH ? principal.substring(0, PRINCIPAL_LENGTH)
                : principal;
        this.action = action;
        this.outcome = outcome;
        this.flowId = flowId;
        this.bindingId = bindingId;
        this.state = state;
        this.phoneMasked = phoneMasked;
    }

    /** The order of writing; null until the row is read back from the database. */
    public Long seq() {
        return seq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String principal() {
        return principal;
    }

    public AuditAction action() {
        return action;
    }

    public String outcome() {
        return outcome;
    }

    public String flowId() {
        return flowId;
    }

    public String bindingId() {
        return bindingId;
    }

    public String state() {
        return state;
    }

    public String phoneMasked() {
        return phoneMasked;
    }
}
