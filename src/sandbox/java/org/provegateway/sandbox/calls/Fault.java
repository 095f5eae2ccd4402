package org.provegateway.sandbox.calls;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.provegateway.sandbox.platform.JsonAnswer;
import org.provegateway.sandbox.platform.SandboxError;

/**
 * A fault for the next {@code count} calls of one endpoint. Every kind may start with a delay:
 * <ul>
 * <li>{@code status} given: answer that status with {@code {"code":..,"message":..}} (code defaults to 8000 for 5xx
 * and is omitted otherwise, like Prove's 429), plus {@code Retry-After} when {@code retryAfterSeconds} is given;</li>
 * <li>{@code drop=true}: the connection is cut in the middle of the answer;</li>
 * <li>neither: wait {@code delayMillis}, then answer normally.</li>
 * </ul>
 */
public record Fault(long id, String endpoint, int count, long delayMillis, OptionalInt status,
        OptionalInt retryAfterSeconds, OptionalInt code, Optional<String> message, boolean drop) {

    /** The error answer of a {@code status} fault. */
    public Optional<SandboxError> error() {
        return status.stream().mapToObj(s -> {
            OptionalInt answerCode = code.isPresent() ? code : (s >= 500 ? OptionalInt.of(8000) : OptionalInt.empty());
            String text = message.orElse(s == 429 ? "rate limit exceeded" : s >= 500 ? "error occurred" : "injected fault");
            Map<String, String> headers = retryAfterSeconds.isPresent()
                    ? Map.of("Retry-After", String.valueOf(retryAfterSeconds.getAsInt())) : Map.of();
            return SandboxError.of(s, answerCode, text, headers);
        }).findFirst();
    }

    Fault withCount(int remaining) {
        return new Fault(id, endpoint, remaining, delayMillis, status, retryAfterSeconds, code, message, drop);
    }

    public JsonObject toJson() {
        JsonAnswer answer = JsonAnswer.object().add("id", id).add("endpoint", endpoint).add("count", count);
        if (delayMillis > 0) {
            answer.add("delayMillis", delayMillis);
        }
        status.ifPresent(s -> answer.add("status", s));
        retryAfterSeconds.ifPresent(s -> answer.add("retryAfterSeconds", s));
        code.ifPresent(c -> answer.add("code", c));
        message.ifPresent(m -> answer.add("message", m));
        if (drop) {
            answer.add("drop", true);
        }
        return answer.build();
    }
}
