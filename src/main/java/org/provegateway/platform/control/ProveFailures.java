package org.provegateway.platform.control;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.provegateway.proveapi.ProveApi;
import org.provegateway.proveapi.ProveApiException;
import org.provegateway.proveapi.ProveHttpException;
import org.provegateway.proveapi.ProveRateLimitedException;
import org.provegateway.proveapi.ProveThrottledException;
import org.provegateway.proveapi.ProveUnauthorizedException;
import org.provegateway.proveapi.ProveUnavailableException;

/**
 * Translates a failed Prove call into the gateway's own problem types, so that callers never need Prove's
 * numbering (it is kept in the problem body as {@code proveCode} for support). Prove's message text is not passed
 * on: it may echo input.
 */
public final class ProveFailures {

    private ProveFailures() {
    }

    public static GatewayException translate(ProveApiException failure, String flowId) {
        ProblemType type;
        String detail;
        Duration retryAfter = null;
        if (failure instanceof ProveUnavailableException unavailable) {
            boolean timeout = unavailable.isTimeout();
            type = timeout ? ProblemType.PROVE_TIMEOUT : ProblemType.PROVE_UNAVAILABLE;
            detail = timeout ? "Prove did not answer within the configured timeout; try again later"
                    : "Prove could not be reached; try again later";
        } else if (failure instanceof ProveThrottledException throttled) {
            type = ProblemType.PROVE_RATE_LIMITED;
            detail = "The gateway's share of Prove's request rate is used up; try again after Retry-After seconds";
            retryAfter = throttled.retryAfter().orElse(Duration.ofSeconds(1));
        } else if (failure instanceof ProveRateLimitedException limited) {
            type = ProblemType.PROVE_RATE_LIMITED;
            detail = "Prove's request rate limit was reached; try again later";
            retryAfter = limited.retryAfter().orElse(Duration.ofSeconds(1));
        } else if (failure instanceof ProveUnauthorizedException) {
            type = ProblemType.PROVE_AUTHENTICATION_FAILED;
            detail = "Prove refused the gateway's credentials; check prove.api.client-id/client-secret and that "
                    + "they belong to the configured environment and region";
        } else if (failure instanceof ProveHttpException http && http.status() >= 500) {
            type = http.status() == 503 ? ProblemType.PROVE_UNAVAILABLE : ProblemType.PROVE_ERROR;
            detail = "Prove answered HTTP " + http.status() + "; try again later";
            retryAfter = http.retryAfter().orElse(null);
        } else if (failure.isStepNotAllowed()) {
            type = ProblemType.STEP_NOT_ALLOWED;
            detail = "Prove does not allow this step in the flow's current state";
        } else if (failure.isInvalidCorrelationId()) {
            type = ProblemType.FLOW_EXPIRED;
            detail = "Prove no longer knows this flow (it expired); start a new flow";
        } else if (failure.isDeviceRevoked()) {
            type = ProblemType.KEY_REVOKED;
            detail = "The Prove Key on this device has been revoked; a full possession check is needed";
        } else if (failure.isRejectedInput()) {
            type = ProblemType.PROVE_REJECTED_INPUT;
            detail = failure.isSandboxUserNotFound() ? "Prove's sandbox has no test user with this phone number"
                    : failure.isSandboxUserAccessDenied()
                            ? "This sandbox test user belongs to another Prove product than this flow"
                            : "Prove found a field of the request invalid (code " + failure.proveCode().orElse(null)
                                    + "); correct the input";
        } else if (failure instanceof ProveHttpException http) {
            type = ProblemType.PROVE_REJECTED;
            detail = "Prove rejected the request (HTTP " + http.status()
                    + http.proveCode().map(code -> ", code " + code).orElse("") + ")";
        } else {
            type = ProblemType.PROVE_ERROR;
            detail = "Prove call failed";
        }
        return new GatewayException(type, detail, flowId, failure.proveCode().orElse(null), retryAfter, List.of(),
                failure);
    }

    /**
     * A Prove call that fault tolerance stopped before or while it ran: the circuit breaker was open (Prove has
     * been failing; 503 with the breaker's delay as {@code Retry-After}), the call took longer than its
     * {@code @Timeout} (504), or too many calls to Prove were already in flight (503).
     *
     * @param method the {@code ProveApi} method called, whose breaker delay is the {@code Retry-After}
     */
    public static GatewayException translate(FaultToleranceException failure, String method, String flowId) {
        ProblemType type;
        String detail;
        Duration retryAfter = null;
        if (failure instanceof CircuitBreakerOpenException) {
            type = ProblemType.PROVE_UNAVAILABLE;
            detail = "Prove has been failing; calls to it are paused for a while; try again later";
            retryAfter = ProveApi.breakerDelay(method);
        } else if (failure instanceof TimeoutException) {
            type = ProblemType.PROVE_TIMEOUT;
            detail = "Prove did not answer within the configured timeout; try again later";
        } else if (failure instanceof BulkheadException) {
            type = ProblemType.PROVE_UNAVAILABLE;
            detail = "Too many calls to Prove are in progress; try again shortly";
            retryAfter = Duration.ofSeconds(1);
        } else {
            type = ProblemType.PROVE_UNAVAILABLE;
            detail = "Prove could not be called; try again later";
        }
        return new GatewayException(type, detail, flowId, null, retryAfter, List.of(), failure);
    }
}
