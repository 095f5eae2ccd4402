package org.provegateway.platform.control;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failure the gateway reports to its caller as a problem of a given {@link ProblemType}. Control code throws it
 * (it knows nothing of HTTP); the platform's exception mapper is the only place that turns it into an answer.
 * The detail text goes to the caller: never put a secret, a token or personal data in it.
 */
public class GatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final String flowId;
    private final Integer proveCode;
    private final Duration retryAfter;
    private final List<FieldError> fieldErrors;

    public GatewayException(ProblemType type, String detail) {
        this(type, detail, null, null, null, List.of(), null);
    }

    public GatewayException(ProblemType type, String detail, String flowId) {
        this(type, detail, flowId, null, null, List.of(), null);
    }

    protected GatewayException(ProblemType type, String detail, String flowId, Integer proveCode,
            Duration retryAfter, List<FieldError> fieldErrors, Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.flowId = flowId;
        this.proveCode = proveCode;
        this.retryAfter = retryAfter;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /**
     * A failed call to an outside service (Prove), keeping the service's own code for support and the failure as
     * the cause.
     */
    public static GatewayException fromUpstream(ProblemType type, String detail, Integer upstreamCode,
            Duration retryAfter, Throwable cause) {
        return new GatewayException(type, detail, null, upstreamCode, retryAfter, List.of(), cause);
    }

    /** A bad request naming the offending field. */
    public static GatewayException invalidField(String field, String message) {
        return invalidField(ProblemType.INVALID_REQUEST, field, message);
    }

    /** A refusal of a given kind (e.g. a body too large) naming the offending field. */
    public static GatewayException invalidField(ProblemType type, String field, String message) {
        return new GatewayException(type, field + ": " + message, null, null, null,
                List.of(new FieldError(field, message)), null);
    }

    /** A refusal the caller should repeat after {@code retryAfter}. */
    public static GatewayException retryLater(ProblemType type, String detail, Duration retryAfter) {
        return new GatewayException(type, detail, null, null, retryAfter, List.of(), null);
    }

    /** The same failure, now known to concern a flow. */
    public GatewayException forFlow(String id) {
        return new GatewayException(type, getMessage(), id, proveCode, retryAfter, fieldErrors, getCause());
    }

    public ProblemType type() {
        return type;
    }

    public Optional<String> flowId() {
        return Optional.ofNullable(flowId);
    }

    public Optional<Integer> proveCode() {
        return Optional.ofNullable(proveCode);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }
}
