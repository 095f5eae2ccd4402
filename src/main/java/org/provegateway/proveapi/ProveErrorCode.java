package org.provegateway.proveapi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Prove error {@code code} values the gateway reacts to. Prove's numbering stays inside this component:
 * callers ask the exception ({@link ProveApiException#hasCode(ProveErrorCode)} or its named predicates).
 */
public enum ProveErrorCode {

    /** HTTP 400: a required field is missing or the request is invalid ("field 'flowType' is missing"). */
    INVALID_REQUEST(1001),
    /** HTTP 403: the step is not in the previous answer's {@code next} map or was called out of order. */
    STEP_NOT_ALLOWED(1003),
    /** HTTP 400: invalid JSON, a body over 4 KB or a parameter that fails its format rule. */
    MALFORMED_REQUEST(8001),
    /** HTTP 401: bad, missing or expired credentials or bearer token. */
    UNAUTHORIZED(8002),
    /** Sandbox only: the phone number is not one of Prove's test users. */
    SANDBOX_USER_NOT_FOUND(8007),
    /** Sandbox only: the test user belongs to another product than the credentials (a Unify user on /v3/start). */
    SANDBOX_USER_ACCESS_DENIED(8009),
    /** The correlation id is unknown, expired (15 min) or belongs to another flow. */
    INVALID_CORRELATION_ID(8008),
    /** The Prove Key was revoked ("device has been revoked"); a full possession check is needed. */
    DEVICE_REVOKED(8019);

    private final int value;

    ProveErrorCode(int value) {
        this.value = value;
    }

    /** The number Prove sends in the error body's {@code code} field. */
    public int value() {
        return value;
    }

    /** The known code for a number Prove sent, or empty for a number this gateway does not treat specially. */
    public static Optional<ProveErrorCode> of(Integer code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(known -> known.value == code).findFirst();
    }
}
