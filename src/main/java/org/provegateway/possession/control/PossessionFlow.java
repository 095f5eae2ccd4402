package org.provegateway.possession.control;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import org.provegateway.binding.control.KeyBindings;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.GatewayMetrics;
import org.provegateway.platform.control.PhoneNumbers;
import org.provegateway.platform.control.ProblemType;
import org.provegateway.platform.control.ProveFailures;
import org.provegateway.platform.control.SmsMessages;
import org.provegateway.platform.control.TargetUrls;
import org.provegateway.proveapi.ProveApi;
import org.provegateway.proveapi.ProveApiException;
import org.provegateway.proveapi.wire.UnifyBindRequest;
import org.provegateway.proveapi.wire.UnifyBindResponse;
import org.provegateway.proveapi.wire.UnifyRequest;
import org.provegateway.proveapi.wire.UnifyResponse;
import org.provegateway.proveapi.wire.UnifyStatusRequest;
import org.provegateway.proveapi.wire.UnifyStatusResponse;
import org.provegateway.session.control.FlowSessions;
import org.provegateway.session.control.SessionConfig;
import org.provegateway.session.entity.FlowKind;
import org.provegateway.session.entity.FlowSession;
import org.provegateway.session.entity.FlowState;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Unified Authentication: Prove's Unify, UnifyStatus and UnifyBind, with everything around them that Prove leaves
 * to the integrator: step checks before Prove is called, device recovery, and the key-binding registry.
 *
 * <p>No transaction spans a Prove call: the flow is read, Prove is called, and the answer is then applied in a
 * short transaction by {@link PossessionOutcomes}, which locks the session so that an answer is recorded once.
 */
@ApplicationScoped
public class PossessionFlow {

    private static final Logger LOG = Logger.getLogger(PossessionFlow.class.getName());

    @Inject
    ProveApi prove;

    @Inject
    FlowSessions sessions;

    @Inject
    KeyBindings bindings;

    @Inject
    PossessionOutcomes outcomes;

    @Inject
    SessionConfig config;

    @Inject
    PhoneNumbers phones;

    @Inject
    Clock clock;

    /** Result steps asking Prove right now, by flow id (see {@link #result}). */
    private final ConcurrentHashMap<String, CompletableFuture<PossessionView>> resultReads =
            new ConcurrentHashMap<>();
    @Inject
    GatewayMetrics metrics;

    public PossessionStarted start(PossessionStart command) {
        String phone = phones.normalise("phoneNumber", command.phoneNumber());
        String type = command.possessionType();
        boolean desktop = "desktop".equals(type);
        if (desktop && (command.finalTargetUrl() == null || command.finalTargetUrl().isBlank())) {
            throw GatewayException.invalidField("finalTargetUrl", "is required for possessionType desktop");
        }
        if (command.finalTargetUrl() != null) {
            TargetUrls.check(command.finalTargetUrl());
        }
        if (command.smsMessage() != null) {
            SmsMessages.check(command.smsMessage(), desktop);
        }
        String clientRequestId = Optional.ofNullable(command.clientRequestId())
                .orElseGet(() -> UUID.randomUUID().toString());
        // Device recovery: desktop flows use no Prove Key, so only mobile and customer-supplied possession.
        Optional<String> recovered = command.deviceId() == null && !desktop
                ? bindings.deviceForRecovery(command.customerReference(), phone)
                : Optional.empty();
        String deviceId = recovered.orElse(command.deviceId());
        UnifyRequest request = UnifyRequest.builder(type, clientRequestId)
                .phoneNumber(phone)
                .finalTargetUrl(command.finalTargetUrl())
                .allowOtpRetry(command.allowOtpRetry())
                .checkReputation(command.checkReputation())
                .smsMessage(command.smsMessage())
                .rebind(command.rebind())
                .clientHumanId(command.customerReference())
                .deviceId(deviceId)
                .build();
        UnifyResponse answer;
        try {
            answer = prove.unify(request);
        } catch (ProveApiException e) {
            if (e.isDeviceRevoked() && deviceId != null) {
                outcomes.deviceRevoked(deviceId, null, "Prove answered 8019 to /v3/unify");
            }
            throw ProveFailures.translate(e, null);
        } catch (FaultToleranceException e) {
            throw ProveFailures.translate(e, "unify", null);
        }
        if (answer.correlationId() == null) {
            throw new GatewayException(ProblemType.PROVE_ERROR, "Prove started no flow (no correlationId)");
        }
        Instant now = clock.instant();
        FlowSession session = outcomes.started(FlowSession.possession(answer.correlationId(), type, phone,
                clientRequestId, command.customerReference(), deviceId, Boolean.TRUE.equals(command.rebind()), now,
                now.plus(config.ttl())));
        metrics.flowStarted("possession", type);
        LOG.fine(() -> "Started " + type + " possession flow " + session.id() + " for " + PhoneNumbers.mask(phone)
                + (recovered.isPresent() ? " with a recovered device" : ""));
        return new PossessionStarted(session.id(), answer.authToken(), type, FlowState.PENDING.name(),
                clientRequestId, recovered.isPresent(), session.expiresAt());
    }

    /**
     * The flow as the gateway last recorded it. Never calls Prove: {@code /v3/unify-status} ends the possession check
     * at Prove (called before the customer's client step has finished, it answers a final failure), so a read of
     * stored state, a front end polling or a monitoring HEAD, must never be what triggers it. See {@link #result}.
     */
    public PossessionView view(String flowId) {
        return PossessionViews.of(find(flowId), clock.instant());
    }

    /**
     * The caller says the customer's client step has finished: asks Prove for the outcome ({@code /v3/unify-status})
     * once and records it. A final outcome, an expired flow, or one waiting for the bank's own check is answered from
     * the database without calling Prove.
     *
     * <p>Concurrent requests for one open flow on this node share one Prove call: the first asks Prove, the others
     * wait for its answer (at most the call's fault-tolerance timeout) instead of each sending
     * {@code /v3/unify-status}. Before asking Prove the first reads the flow again, so a request arriving just after
     * another has recorded the outcome is answered from the database. Across nodes the row lock in
     * {@link PossessionOutcomes} still records an answer once.
     */
    public PossessionView result(String flowId) {
        FlowSession session = find(flowId);
        Instant now = clock.instant();
        if (answeredLocally(session, now)) {
            return PossessionViews.of(session, now);
        }
        CompletableFuture<PossessionView> mine = new CompletableFuture<>();
        CompletableFuture<PossessionView> running = resultReads.putIfAbsent(flowId, mine);
        if (running != null) {
            return shared(running);
        }
        try {
            PossessionView view = askProve(flowId);
            mine.complete(view);
            return view;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            resultReads.remove(flowId, mine);
        }
    }

    private PossessionView askProve(String flowId) {
        FlowSession session = find(flowId);
        Instant now = clock.instant();
        if (answeredLocally(session, now)) {
            return PossessionViews.of(session, now);
        }
        UnifyStatusResponse answer;
        try {
            answer = prove.unifyStatus(new UnifyStatusRequest(session.correlationId(), session.clientRequestId()));
        } catch (ProveApiException e) {
            throw ProveFailures.translate(e, flowId);
        } catch (FaultToleranceException e) {
            throw ProveFailures.translate(e, "unifyStatus", flowId);
        }
        return PossessionViews.of(outcomes.result(flowId, answer), now);
    }

    /** Final, expired, or waiting for the bank's own check: nothing to ask Prove. */
    private static boolean answeredLocally(FlowSession session, Instant now) {
        return session.state().isFinal() || session.state() == FlowState.POSSESSION_REQUIRED
                || session.isExpired(now);
    }

    private static PossessionView shared(CompletableFuture<PossessionView> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ProblemType.PROVE_UNAVAILABLE, "Interrupted while waiting for Prove");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("status read failed", e.getCause());
        }
    }

    /**
     * Customer-supplied possession: the bank's own possession check passed, so Prove binds a key to the flow's
     * number. Only for a {@code none} flow whose status is possession-required.
     */
    public PossessionView bind(String flowId, boolean ownCheckPassed) {
        FlowSession session = find(flowId);
        Instant now = clock.instant();
        session.requireStep("bind", FlowKind.POSSESSION, now, FlowState.POSSESSION_REQUIRED);
        if (!ownCheckPassed) {
            throw GatewayException.invalidField("possessionCheckPassed",
                    "must be true: bind only after your own possession check passed").forFlow(flowId);
        }
        String phone = session.phoneNumber().orElseThrow();
        UnifyBindResponse answer;
        try {
            answer = prove.unifyBind(new UnifyBindRequest(session.correlationId(), phone, session.clientRequestId()));
        } catch (ProveApiException e) {
            throw ProveFailures.translate(e, flowId);
        } catch (FaultToleranceException e) {
            throw ProveFailures.translate(e, "unifyBind", flowId);
        }
        return PossessionViews.of(outcomes.bind(flowId, answer), now);
    }

    private FlowSession find(String flowId) {
        return sessions.find(flowId).filter(session -> session.kind() == FlowKind.POSSESSION)
                .orElseThrow(() -> new GatewayException(ProblemType.FLOW_NOT_FOUND,
                        "No possession flow with this id"));
    }
}
