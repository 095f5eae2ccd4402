package org.provegateway.proveapi;

import java.util.Optional;

/**
 * Any failure of a call to Prove: an error answer ({@link ProveHttpException} and its subclasses) or no usable
 * answer at all ({@link ProveUnavailableException}). Messages never contain the client secret, tokens or request
 * bodies.
 */
public abstract class ProveApiException extends RuntimeException {

    protected ProveApiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Prove's error {@code code} from the answer body, when there was one. */
    public Optional<Integer> proveCode() {
        return Optional.empty();
    }

    /**
     * Whether the same request may succeed later without change (transport failure, 429, 5xx). A hint for a
     * retry or fault-tolerance policy; note that repeating {@code /v3/unify} or {@code /v3/start} can send the
     * user a second SMS.
     */
    public abstract boolean isTransient();

    public boolean hasCode(ProveErrorCode code) {
        return proveCode().filter(value -> value == code.value()).isPresent();
    }

    /** Prove code 1001: required field missing or invalid request. */
    public boolean isInvalidRequest() {
        return hasCode(ProveErrorCode.INVALID_REQUEST);
    }

    /** Prove code 1003: step not allowed (out of order). */
    public boolean isStepNotAllowed() {
        return hasCode(ProveErrorCode.STEP_NOT_ALLOWED);
    }

    /** Prove code 8001: malformed request. */
    public boolean isMalformedRequest() {
        return hasCode(ProveErrorCode.MALFORMED_REQUEST);
    }

    /** Prove code 8002: not authorized. */
    public boolean isNotAuthorized() {
        return hasCode(ProveErrorCode.UNAUTHORIZED);
    }

    /** Prove code 8007: no sandbox test user matches the phone number. */
    public boolean isSandboxUserNotFound() {
        return hasCode(ProveErrorCode.SANDBOX_USER_NOT_FOUND);
    }

    /** Prove code 8009: the sandbox test user belongs to another product than the credentials. */
    public boolean isSandboxUserAccessDenied() {
        return hasCode(ProveErrorCode.SANDBOX_USER_ACCESS_DENIED);
    }

    /**
     * A 400 about what the caller sent (a number that is no test user, or a test user of another product, a field
     * Prove finds invalid or missing), as opposed to the gateway's own fault or Prove's. The gateway checks every
     * field before sending it, so these are the cases only Prove can judge.
     */
    public boolean isRejectedInput() {
        return this instanceof ProveBadRequestException && (isSandboxUserNotFound() || isSandboxUserAccessDenied()
                || isMalformedRequest() || isInvalidRequest());
    }

    /** Prove code 8008: invalid or expired correlation id. */
    public boolean isInvalidCorrelationId() {
        return hasCode(ProveErrorCode.INVALID_CORRELATION_ID);
    }

    /** Prove code 8019: the Prove Key has been revoked. */
    public boolean isDeviceRevoked() {
        return hasCode(ProveErrorCode.DEVICE_REVOKED);
    }
}
