package org.provegateway.proveapi;

import java.util.UUID;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.ProblemType;
import org.provegateway.proveapi.wire.ChallengeRequest;
import org.provegateway.proveapi.wire.ChallengeResponse;
import org.provegateway.proveapi.wire.CompleteRequest;
import org.provegateway.proveapi.wire.CompleteResponse;
import org.provegateway.proveapi.wire.DeviceRevokeRequest;
import org.provegateway.proveapi.wire.StartRequest;
import org.provegateway.proveapi.wire.StartResponse;
import org.provegateway.proveapi.wire.UnifyBindRequest;
import org.provegateway.proveapi.wire.UnifyBindResponse;
import org.provegateway.proveapi.wire.UnifyRequest;
import org.provegateway.proveapi.wire.UnifyResponse;
import org.provegateway.proveapi.wire.UnifyStatusRequest;
import org.provegateway.proveapi.wire.UnifyStatusResponse;
import org.provegateway.proveapi.wire.ValidateRequest;
import org.provegateway.proveapi.wire.ValidateResponse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What the gateway asks of Prove, in the gateway's own terms: the only class the flows and the binding registry call.
 * It builds Prove's wire records, calls {@link ProveApi} (token, rate limit, fault tolerance), and reads the answers
 * back into the gateway's types. Every failure, whether Prove's own ({@link ProveApiException}) or fault tolerance's
 * (open circuit, timeout), leaves here as a {@link GatewayException} translated by {@link ProveFailures}: this is the
 * one place that catches them. The flow a failure concerns is added by the caller's facade (see
 * {@code org.provegateway.Audited}).
 */
@ApplicationScoped
public class Prove {

    private ProveApi api;

    /** For the CDI client proxy only. */
    protected Prove() {
    }

    @Inject
    public Prove(ProveApi api) {
        this.api = api;
    }

    /** {@code /v3/unify}: starts a possession check. */
    public Started unify(PossessionCheck check) {
        UnifyRequest request = UnifyRequest.builder(check.possessionType(), check.clientRequestId())
                .phoneNumber(check.phoneNumber())
                .finalTargetUrl(check.finalTargetUrl())
                .allowOtpRetry(check.allowOtpRetry())
                .checkReputation(check.checkReputation())
                .smsMessage(check.smsMessage())
                .rebind(check.rebind())
                .clientHumanId(check.customerReference())
                .deviceId(check.deviceId())
                .build();
        UnifyResponse answer = call("unify", () -> api.unify(request));
        return started(answer.correlationId(), answer.authToken(), false);
    }

    /** {@code /v3/unify-status}: the outcome of the possession check. Prove treats this call as final. */
    public PossessionAnswer unifyStatus(String correlationId, String clientRequestId) {
        UnifyStatusResponse answer = call("unifyStatus",
                () -> api.unifyStatus(new UnifyStatusRequest(correlationId, clientRequestId)));
        return new PossessionAnswer(WireTerms.outcome(answer.outcome()), answer.proveId(), answer.deviceId(),
                WireTerms.reasons(answer.evaluation()));
    }

    /** {@code /v3/unify-bind}: binds a Prove Key to the number after the bank's own possession check. */
    public PossessionAnswer unifyBind(String correlationId, String phoneNumber, String clientRequestId) {
        UnifyBindResponse answer = call("unifyBind",
                () -> api.unifyBind(new UnifyBindRequest(correlationId, phoneNumber, clientRequestId)));
        return new PossessionAnswer(WireTerms.outcome(answer.outcome()), answer.proveId(), answer.deviceId(),
                WireTerms.reasons(answer.evaluation()));
    }

    /**
     * {@code /v3/device/revoke}.
     *
     * @return {@code false} if Prove no longer knows the device (its key cannot authenticate either way)
     */
    public boolean revokeDevice(String deviceId) {
        try {
            call("revokeDevice", () -> api.revokeDevice(new DeviceRevokeRequest(UUID.randomUUID().toString(),
                    deviceId)));
            return true;
        } catch (GatewayException refused) {
            if (refused.getCause() instanceof ProveNotFoundException) {
                return false;
            }
            throw refused;
        }
    }

    /** {@code /v3/start}: starts a Prove Identity / Pre-Fill flow. */
    public Started start(IdentityCheck check) {
        StartRequest request = StartRequest.builder(check.flowType())
                .phoneNumber(check.phoneNumber())
                .finalTargetUrl(check.finalTargetUrl())
                .allowOtpRetry(check.allowOtpRetry())
                .smsMessage(check.smsMessage())
                .ipAddress(check.ipAddress())
                .build();
        StartResponse answer = call("start", () -> api.start(request));
        return started(answer.correlationId(), answer.authToken(), true);
    }

    /** {@code /v3/validate}: whether the phone passed the client's possession step, and what Prove offers next. */
    public IdentityAnswers.Validated validate(String correlationId) {
        ValidateResponse answer = call("validate", () -> api.validate(new ValidateRequest(correlationId)));
        return new IdentityAnswers.Validated(answer.success(), NextStep.of(answer.next()), answer.phoneNumber(),
                WireTerms.reasons(answer.evaluation()));
    }

    /** {@code /v3/challenge} (Pre-Fill): date of birth and/or SSN; answers the pre-filled individual. */
    public IdentityAnswers.Challenged challenge(String correlationId, String dob, String ssn) {
        ChallengeResponse answer = call("challenge",
                () -> api.challenge(new ChallengeRequest(correlationId, dob, ssn)));
        return new IdentityAnswers.Challenged(answer.success(), NextStep.of(answer.next()),
                WireTerms.person(answer.individual()), WireTerms.reasons(answer.evaluation()));
    }

    /** {@code /v3/complete}: verifies the individual (never kept). */
    public IdentityAnswers.Verified complete(String correlationId, PersonData person) {
        CompleteResponse answer = call("complete",
                () -> api.complete(new CompleteRequest(correlationId, WireTerms.individual(person))));
        return new IdentityAnswers.Verified(answer.success(), WireTerms.reasons(answer.evaluation()),
                WireTerms.idv(answer.idv()), WireTerms.kyc(answer.kyc()));
    }

    private static Started started(String correlationId, String authToken, boolean tokenRequired) {
        if (correlationId == null || (tokenRequired && authToken == null)) {
            throw new GatewayException(ProblemType.PROVE_ERROR, "Prove started no flow (no correlationId)");
        }
        return new Started(correlationId, authToken);
    }

    /**
     * Runs one {@link ProveApi} operation; the one place where Prove's and fault tolerance's failures become the
     * gateway's.
     *
     * @param method the {@link ProveApi} method, whose circuit breaker delay is the {@code Retry-After} of an open one
     */
    private static <T> T call(String method, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ProveApiException failure) {
            throw ProveFailures.translate(failure, null);
        } catch (FaultToleranceException failure) {
            throw ProveFailures.translate(failure, method, null);
        }
    }
}
