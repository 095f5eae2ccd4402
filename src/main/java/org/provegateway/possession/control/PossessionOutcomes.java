package org.provegateway.possession.control;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.provegateway.audit.control.AuditTrail;
import org.provegateway.audit.entity.AuditAction;
import org.provegateway.binding.control.KeyBindings;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.GatewayMetrics;
import org.provegateway.platform.control.PhoneNumbers;
import org.provegateway.platform.control.ProblemType;
import org.provegateway.proveapi.wire.EvaluationCategory;
import org.provegateway.proveapi.wire.UnifyBindResponse;
import org.provegateway.proveapi.wire.UnifyOutcome;
import org.provegateway.proveapi.wire.UnifyStatusResponse;
import org.provegateway.session.control.FlowSessions;
import org.provegateway.session.control.Reasons;
import org.provegateway.session.entity.FlowSession;
import org.provegateway.session.entity.FlowState;
import org.provegateway.session.entity.Reason;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Applies Prove's answers to a possession flow and to the key-binding registry, atomically. Each method locks the
 * flow's row first; an answer arriving for a flow that has already moved on is not applied again, which makes
 * result steps idempotent even when callers race.
 */
@ApplicationScoped
@Transactional
public class PossessionOutcomes {

    /** Prove reason: the phone number doesn't match the Prove Key; rebind required. */
    static final String REBIND_REQUIRED = "9101";
    /** Prove code: the device (its Prove Key) has been revoked. */
    static final String DEVICE_REVOKED = "8019";

    private static final Logger LOG = Logger.getLogger(PossessionOutcomes.class.getName());

    @Inject
    FlowSessions sessions;

    @Inject
    KeyBindings bindings;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    GatewayMetrics metrics;
    /** A flow Prove started: stored, and audited in the same transaction. */
    FlowSession started(FlowSession session) {
        sessions.add(session);
        audit.succeeded(AuditAction.POSSESSION_START, session.id(), null, session.phoneNumber().orElse(null),
                session.state().name());
        return session;
    }

    FlowSession result(String flowId, UnifyStatusResponse answer) {
        return apply(AuditAction.POSSESSION_RESULT, flowId, FlowState.PENDING, answer.outcome(), answer.proveId(),
                answer.deviceId(), answer.evaluation());
    }

    FlowSession bind(String flowId, UnifyBindResponse answer) {
        return apply(AuditAction.POSSESSION_BIND, flowId, FlowState.POSSESSION_REQUIRED, answer.outcome(),
                answer.proveId(), answer.deviceId(), answer.evaluation());
    }

    /** The key on this device is revoked (Prove 8019 outside any recorded flow step). */
    void deviceRevoked(String deviceId, String flowId, String why) {
        bindings.revoke(deviceId, flowId, why, clock.instant());
    }

    private FlowSession apply(AuditAction step, String flowId, FlowState expected, UnifyOutcome outcome, String proveId,
            String deviceId, Map<String, EvaluationCategory> evaluation) {
        FlowSession session = sessions.lock(flowId).orElseThrow(
                () -> new GatewayException(ProblemType.FLOW_NOT_FOUND, "No possession flow with this id"));
        if (session.state() != expected) {
            return session; // another request applied an answer first
        }
        Instant now = clock.instant();
        List<Reason> reasons = Reasons.of(evaluation);
        FlowState next = switch (outcome) {
            case PENDING -> FlowState.PENDING;
            case POSSESSION_REQUIRED -> FlowState.POSSESSION_REQUIRED;
            case SUCCESS -> FlowState.VERIFIED;
            case FAILURE -> failureState(reasons);
            case UNKNOWN -> throw new GatewayException(ProblemType.PROVE_ERROR,
                    "Prove answered an unknown outcome", flowId);
        };
        if (next == session.state()) {
            return session;
        }
        session.moveTo(next, now);
        if (next.isFinal()) {
            metrics.flowFinished("possession", next.name());
        }
        session.recordFailureReasons(reasons.isEmpty() ? null : Reasons.encode(reasons));
        String phone = session.phoneNumber().orElseThrow();
        audit.succeeded(step, flowId, null, phone, next.name());
        switch (next) {
            case VERIFIED -> {
                session.recordIdentifiers(null, proveId, deviceId);
                if (deviceId != null) {
                    bindings.recordPossession(deviceId, phone, proveId, session.customerRef().orElse(null), flowId,
                            now);
                }
            }
            case REBIND_REQUIRED -> session.deviceId()
                    .ifPresent(device -> bindings.markStale(device, flowId, now));
            case KEY_REVOKED -> session.deviceId()
                    .ifPresent(device -> bindings.revoke(device, flowId, "Prove answered 8019", now));
            default -> {
            }
        }
        LOG.fine(() -> "Possession flow " + flowId + " for " + PhoneNumbers.mask(phone) + " is now " + next);
        return session;
    }

    private static FlowState failureState(List<Reason> reasons) {
        if (Reasons.hasCode(reasons, REBIND_REQUIRED)) {
            return FlowState.REBIND_REQUIRED;
        }
        if (Reasons.hasCode(reasons, DEVICE_REVOKED)) {
            return FlowState.KEY_REVOKED;
        }
        if (Reasons.failed(reasons, "risk")) {
            return FlowState.RISK_CHECK_FAILED;
        }
        return FlowState.POSSESSION_FAILED;
    }
}
