package org.provegateway.identity.control;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

import org.provegateway.audit.control.AuditTrail;
import org.provegateway.audit.entity.AuditAction;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.GatewayMetrics;
import org.provegateway.platform.control.PhoneNumbers;
import org.provegateway.platform.control.ProblemType;
import org.provegateway.proveapi.wire.ChallengeResponse;
import org.provegateway.proveapi.wire.CompleteResponse;
import org.provegateway.proveapi.wire.ValidateResponse;
import org.provegateway.session.control.FlowSessions;
import org.provegateway.session.control.Reasons;
import org.provegateway.session.entity.FlowSession;
import org.provegateway.session.entity.FlowState;
import org.provegateway.session.entity.Reason;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Applies Prove's validate and complete answers to an identity flow. Each method locks the flow's row first; an
 * answer for a flow that has already moved on is not applied again. Only the state and Prove's evaluation reasons
 * (codes and fixed descriptions) are recorded; the individual and the idv/kyc results are never stored.
 */
@ApplicationScoped
@Transactional
public class IdentityOutcomes {

    /** Prove's {@code next} key offering complete. */
    static final String NEXT_COMPLETE = "v3-complete";
    /** Prove's {@code next} key offering the Pre-Fill challenge. */
    static final String NEXT_CHALLENGE = "v3-challenge";

    private static final Logger LOG = Logger.getLogger(IdentityOutcomes.class.getName());

    @Inject
    FlowSessions sessions;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    GatewayMetrics metrics;
    /** A flow Prove started: stored, and audited in the same transaction. */
    FlowSession started(FlowSession session) {
        sessions.add(session);
        audit.succeeded(AuditAction.IDENTITY_START, session.id(), null, session.phoneNumber().orElse(null),
                session.state().name());
        return session;
    }

    /**
     * The flow follows Prove's {@code next}: to the Pre-Fill challenge if it offers {@code /v3/challenge}, to complete
     * if it offers {@code /v3/complete}; it ends if the phone was not validated or nothing follows.
     */
    FlowSession validated(String flowId, ValidateResponse answer) {
        FlowState next = !answer.success() ? FlowState.VALIDATION_FAILED
                : offers(answer.next(), NEXT_CHALLENGE) ? FlowState.CHALLENGE_REQUIRED
                : offers(answer.next(), NEXT_COMPLETE) ? FlowState.VALIDATED : FlowState.VALIDATION_FAILED;
        return apply(AuditAction.IDENTITY_VALIDATE, flowId, FlowState.STARTED, next, Reasons.of(answer.evaluation()));
    }

    /** After the challenge the flow goes on to complete only if it passed and Prove offers complete. */
    FlowSession challenged(String flowId, ChallengeResponse answer) {
        return apply(AuditAction.IDENTITY_CHALLENGE, flowId, FlowState.CHALLENGE_REQUIRED,
                answer.success() && offers(answer.next(), NEXT_COMPLETE) ? FlowState.VALIDATED
                        : FlowState.CHALLENGE_FAILED,
                Reasons.of(answer.evaluation()));
    }

    private static boolean offers(java.util.Map<String, String> next, String step) {
        return next != null && next.containsKey(step);
    }

    FlowSession completed(String flowId, CompleteResponse answer) {
        return apply(AuditAction.IDENTITY_COMPLETE, flowId, FlowState.VALIDATED,
                answer.success() ? FlowState.IDENTITY_VERIFIED : FlowState.IDENTITY_NOT_VERIFIED,
                Reasons.of(answer.evaluation()));
    }

    private FlowSession apply(AuditAction step, String flowId, FlowState expected, FlowState next,
            List<Reason> reasons) {
        FlowSession session = sessions.lock(flowId).orElseThrow(
                () -> new GatewayException(ProblemType.FLOW_NOT_FOUND, "No identity flow with this id"));
        if (session.state() != expected) {
            return session; // another request applied an answer first
        }
        session.moveTo(next, clock.instant());
        if (next.isFinal()) {
            metrics.flowFinished("identity", next.name());
        }
        session.recordFailureReasons(reasons.isEmpty() ? null : Reasons.encode(reasons));
        audit.succeeded(step, flowId, null, session.phoneNumber().orElse(null), next.name());
        LOG.fine(() -> "Identity flow " + flowId + " for " + PhoneNumbers.mask(session.phoneNumber().orElse(null))
                + " is now " + next);
        return session;
    }
}
