package org.provegateway.platform.control;

import java.net.URI;

/**
 * Every kind of error the gateway answers with, each with a stable {@code type} URI (RFC 9457). Callers branch on
 * the type, never on the title or detail text. Prove's own numbering stays out of the types; where an error comes
 * from Prove its code is added to the problem body for support.
 */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "The request is invalid"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "The caller may not do this"),
    NOT_FOUND(404, "not-found", "No such resource"),
    FLOW_NOT_FOUND(404, "flow-not-found", "No such flow"),
    BINDING_NOT_FOUND(404, "binding-not-found", "No such key binding"),
    RUN_NOT_FOUND(404, "run-not-found", "No such binding-health run"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
    STEP_NOT_ALLOWED(409, "step-not-allowed", "This step is not allowed in the flow's current state"),
    KEY_REVOKED(409, "key-revoked", "The Prove Key on this device has been revoked"),
    REQUEST_IN_PROGRESS(409, "request-in-progress",
            "A request with this Idempotency-Key is still in progress"),
    JOB_RUNNING(409, "job-running", "The job is already running"),
    FLOW_EXPIRED(410, "flow-expired", "The flow has expired"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused",
            "The Idempotency-Key was already used for a different request"),
    PROVE_REJECTED_INPUT(422, "prove-rejected-input", "Prove rejected the caller's input"),
    PROVE_REJECTED(502, "prove-rejected", "Prove rejected the request"),
    PROVE_AUTHENTICATION_FAILED(502, "prove-authentication-failed", "The gateway could not authenticate to Prove"),
    PROVE_ERROR(502, "prove-error", "Prove answered with an error"),
    PROVE_UNAVAILABLE(503, "prove-unavailable", "Prove is unavailable"),
    PROVE_RATE_LIMITED(503, "prove-rate-limited", "Prove's request rate limit was reached"),
    PROVE_TIMEOUT(504, "prove-timeout", "Prove did not answer in time"),
    DATABASE_UNAVAILABLE(503, "database-unavailable", "The gateway's database is unavailable"),
    INTERNAL(500, "internal", "Internal error");

    /** Base of every problem type URI. The URIs are identifiers (RFC 9457 allows that): nothing is served there. */
    public static final String BASE = "https://prove-gateway.dev/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /** The last segment of the type URI (e.g. {@code flow-not-found}), as the audit trail records it. */
    public String slug() {
        return slug;
    }
}
