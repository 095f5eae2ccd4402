package org.provegateway.proveapi;

import java.time.Duration;
import java.util.Optional;

/** Prove answered with a non-2xx HTTP status. The subclass names the status family. */
public abstract class ProveHttpException extends ProveApiException {

    /** Prove's own messages are short; anything longer is cut so a log line stays a line. */
    private static final int MAX_MESSAGE_LENGTH = 200;

    private final int status;
    private final Integer proveCode;
    private final String proveMessage;
    private final Duration retryAfter;

    protected ProveHttpException(int status, Integer proveCode, String proveMessage, Duration retryAfter) {
        super(describe(status, proveCode, sanitize(proveMessage)), null);
        this.status = status;
        this.proveCode = proveCode;
        this.proveMessage = sanitize(proveMessage);
        this.retryAfter = retryAfter;
    }

    /**
     * The exception type for an HTTP status: 400, 401, 403, 404 and 429 have their own types; 5xx and
     * every other non-2xx status become {@link ProveServerException}.
     */
    public static ProveHttpException of(int status, Integer proveCode, String proveMessage, Duration retryAfter) {
        return switch (status) {
            case 400 -> new ProveBadRequestException(proveCode, proveMessage, retryAfter);
            case 401 -> new ProveUnauthorizedException(proveCode, proveMessage, retryAfter);
            case 403 -> new ProveForbiddenException(proveCode, proveMessage, retryAfter);
            case 404 -> new ProveNotFoundException(proveCode, proveMessage, retryAfter);
            case 429 -> new ProveRateLimitedException(proveCode, proveMessage, retryAfter);
            default -> new ProveServerException(status, proveCode, proveMessage, retryAfter);
        };
    }

    /** The HTTP status Prove answered with. */
    public int status() {
        return status;
    }

    @Override
    public Optional<Integer> proveCode() {
        return Optional.ofNullable(proveCode);
    }

    /** Prove's {@code message}, shortened and stripped of control characters. */
    public Optional<String> proveMessage() {
        return Optional.ofNullable(proveMessage);
    }

    /** How long Prove asked us to wait ({@code Retry-After}), never negative. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String describe(int status, Integer code, String message) {
        StringBuilder text = new StringBuilder("Prove API answered HTTP ").append(status);
        if (code != null) {
            text.append(" code ").append(code);
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        return text.toString();
    }

    private static String sanitize(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String single = message.replaceAll("\\p{Cntrl}", " ").strip();
        return single.length() <= MAX_MESSAGE_LENGTH ? single : single.substring(0, MAX_MESSAGE_LENGTH) + "...";
    }
}
