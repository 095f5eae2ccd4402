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
import org.provegateway.proveapi.IdentityAnswers;
import org.provegateway.proveapi.NextStep;
import org.provegateway.session.control.FlowSessions;
import org.provegateway.session.control.Reasons;
import org.provegateway.session.entity.FlowSession;
import org.provegateway.session.entity.FlowState;
import org.provegateway.session.entity.FlowStep;
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
    FlowSession validated(String flowId, IdentityAnswers.Validated answer) {
        FlowState next = !answer.success() ? FlowState.VALIDATION_FAILED : switch (answer.next()) {
            case CHALLENGE -> FlowState.CHALLENGE_REQUIRED;
            case COMPLETE -> FlowState.VALIDATED;
            case NONE -> FlowState.VALIDATION_FAILED;
        };
        return apply(FlowStep.VALIDATE, AuditAction.IDENTITY_VALIDATE, flowId, next, answer.reasons());
    }

    /** After the challenge the flow goes on to complete only if it passed and Prove offers complete. */
    FlowSession challenged(String flowId, IdentityAnswers.Challenged answer) {
        return apply(FlowStep.CHALLENGE, AuditAction.IDENTITY_CHALLENGE, flowId,
                answer.success() && answer.next() == NextStep.COMPLETE ? FlowState.VALIDATED
                        : FlowState.CHALLENGE_FAILED, answer.reasons());
    }

    FlowSession completed(String flowId, IdentityAnswers.Verified answer) {
        return apply(FlowStep.COMPLETE, AuditAction.IDENTITY_COMPLETE, flowId,
                answer.success() ? FlowState.IDENTITY_VERIFIED : FlowState.IDENTITY_NOT_VERIFIED, answer.reasons());
    }

    private FlowSession apply(FlowStep step, AuditAction action, String flowId, FlowState next,
            List<Reason> reasons) {
        FlowSession session = sessions.lock(flowId).orElseThrow(
                () -> new GatewayException(ProblemType.FLOW_NOT_FOUND, "No identity flow with this id"));
        if (session.state() != step.from()) {
            return session; // another request applied an answer first
        }
        session.moveTo(next, clock.instant());
        if (next.isFinal()) {
            metrics.flowFinished("identity", next.name());
        }
        session.recordFailureReasons(reasons.isEmpty() ? null : Reasons.encode(reasons));
        audit.succeeded(action, flowId, null, session.phoneNumber().orElse(null), next.name());
        LOG.fine(() -> "Identity flow " + flowId + " for " + PhoneNumbers.mask(session.phoneNumber().orElse(null))
                + " is now " + next);
        return session;
    }
}
