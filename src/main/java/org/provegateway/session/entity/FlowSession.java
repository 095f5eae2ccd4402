package org.provegateway.session.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.ProblemType;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One Prove flow as the gateway keeps it: Prove's {@code correlationId} never leaves this row; callers know the
 * flow only by its opaque {@link #id()}. Holds no identity data. Every step persists the row before the gateway
 * answers, so any node can serve the next step and a restart loses nothing.
 */
@Entity
@Table(name = "flow_session")
@NamedQuery(name = FlowSession.COUNT_ACTIVE, query = "SELECT COUNT(s) FROM FlowSession s WHERE s.expiresAt > :now")
@NamedQuery(name = FlowSession.EXPIRED_IDS,
        query = "SELECT f.id FROM FlowSession f WHERE f.expiresAt < :now ORDER BY f.expiresAt")
@NamedQuery(name = FlowSession.DELETE_EXPIRED,
        query = "DELETE FROM FlowSession f WHERE f.id IN :ids AND f.expiresAt < :now")
public class FlowSession {

    public static final String EXPIRED_IDS = "FlowSession.expiredIds";
    public static final String COUNT_ACTIVE = "FlowSession.countActive";
    public static final String DELETE_EXPIRED = "FlowSession.deleteExpired";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private FlowKind kind;

    @Column(name = "correlation_id", nullable = false, length = 36)
    private String correlationId;

    @Column(name = "flow_type", nullable = false, length = 16)
    private String flowType;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 32)
    private FlowState state;

    @Column(name = "phone_number", length = 20)
    private String phoneNumber;

    @Column(name = "client_request_id", nullable = false, length = 64)
    private String clientRequestId;

    @Column(name = "customer_ref", length = 64)
    private String customerRef;

    @Column(name = "device_id", length = 64)
    private String deviceId;

    @Column(name = "prove_id", length = 64)
    private String proveId;

    @Column(name = "rebind", nullable = false)
    private boolean rebind;

    /** Who started the flow; null only for flows started before schema version 6 (see {@link #isVisibleTo}). */
    @Column(name = "started_by", length = 256)
    private String startedBy;

    @Column(name = "failure_reasons", length = 1000)
    private String failureReasons;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected FlowSession() {
        // for JPA
    }

    private FlowSession(FlowKind kind, String correlationId, String flowType, FlowState state, String phoneNumber,
            String clientRequestId, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.kind = Objects.requireNonNull(kind);
        this.correlationId = Objects.requireNonNull(correlationId);
        this.flowType = Objects.requireNonNull(flowType);
        this.state = state;
        this.phoneNumber = phoneNumber;
        this.clientRequestId = Objects.requireNonNull(clientRequestId);
        this.createdAt = now;
        this.updatedAt = now;
        this.expiresAt = expiresAt;
    }

    /** A Unified Authentication flow that Prove has just started. */
    public static FlowSession possession(String correlationId, String possessionType, String phoneNumber,
            String clientRequestId, String customerRef, String deviceId, boolean rebind, Instant now,
            Instant expiresAt) {
        var flow = new FlowSession(FlowKind.POSSESSION, correlationId, possessionType, FlowState.PENDING,
                phoneNumber, clientRequestId, now, expiresAt);
        flow.customerRef = customerRef;
        flow.deviceId = deviceId;
        flow.rebind = rebind;
        return flow;
    }

    /** A Prove Identity flow that Prove has just started. */
    public static FlowSession identity(String correlationId, String flowType, String phoneNumber,
            String clientRequestId, Instant now, Instant expiresAt) {
        return new FlowSession(FlowKind.IDENTITY, correlationId, flowType, FlowState.STARTED, phoneNumber,
                clientRequestId, now, expiresAt);
    }

    /** Records who started the flow; set once, when the flow is stored. */
    public void recordStarter(String principal) {
        if (startedBy != null) {
            throw new IllegalStateException("a flow's starter is recorded once");
        }
        this.startedBy = Objects.requireNonNull(principal);
    }

    /**
     * Whether this caller may see and continue the flow: only the one that started it. A flow started before
     * ownership was recorded (schema version 6) has no starter and stays open to every flow-runner until it expires,
     * as before the upgrade.
     */
    public boolean isVisibleTo(String principal) {
        return startedBy == null || startedBy.equals(principal);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * Refuses a step that the flow's kind or state does not allow, or any step on an expired flow, before Prove is
     * called.
     */
    public void requireStep(String step, FlowKind expectedKind, Instant now, FlowState... allowed) {
        if (kind != expectedKind) {
            throw new GatewayException(ProblemType.FLOW_NOT_FOUND, "No " + expectedKind.name().toLowerCase()
                    + " flow with this id", id);
        }
        if (isExpired(now)) {
            throw new GatewayException(ProblemType.FLOW_EXPIRED, "The flow expired at " + expiresAt
                    + "; start a new flow", id);
        }
        for (FlowState state : allowed) {
            if (this.state == state) {
                return;
            }
        }
        throw new GatewayException(ProblemType.STEP_NOT_ALLOWED,
                "'" + step + "' is not allowed while the flow is " + state, id);
    }

    /** Records Prove's answer for this flow. */
    public void moveTo(FlowState next, Instant now) {
        this.state = next;
        this.updatedAt = now;
    }

    public void recordIdentifiers(String phoneNumber, String proveId, String deviceId) {
        if (phoneNumber != null) {
            this.phoneNumber = phoneNumber;
        }
        if (proveId != null) {
            this.proveId = proveId;
        }
        if (deviceId != null) {
            this.deviceId = deviceId;
        }
    }

    public void recordFailureReasons(String encoded) {
        this.failureReasons = encoded;
    }

    public String id() {
        return id;
    }

    public FlowKind kind() {
        return kind;
    }

    public String correlationId() {
        return correlationId;
    }

    public String flowType() {
        return flowType;
    }

    public FlowState state() {
        return state;
    }

    public Optional<String> phoneNumber() {
        return Optional.ofNullable(phoneNumber);
    }

    public String clientRequestId() {
        return clientRequestId;
    }

    public Optional<String> customerRef() {
        return Optional.ofNullable(customerRef);
    }

    public Optional<String> deviceId() {
        return Optional.ofNullable(deviceId);
    }

    public Optional<String> proveId() {
        return Optional.ofNullable(proveId);
    }

    public boolean rebind() {
        return rebind;
    }

    public Optional<String> startedBy() {
        return Optional.ofNullable(startedBy);
    }

    public Optional<String> failureReasons() {
        return Optional.ofNullable(failureReasons);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public long version() {
        return version;
    }
}
