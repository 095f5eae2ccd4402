package org.provegateway.sandbox.flows;

import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.OptionalInt;
import org.provegateway.sandbox.platform.JsonAnswer;

/**
 * What the simulated client step reports back (the control API's answer; Prove's Web SDK shows nothing similar).
 *
 * @param outcome         {@code passed}, {@code failed}, {@code otp_required} or {@code possession_required}
 * @param otpAttemptsLeft with {@code otp_required}: how many codes may still be entered
 */
public record ClientStepOutcome(String outcome, Optional<String> phoneNumber, Optional<String> deviceId,
        Optional<Failure> failure, OptionalInt otpAttemptsLeft) {

    public static ClientStepOutcome passed(Optional<String> phoneNumber, Optional<String> deviceId) {
        return new ClientStepOutcome("passed", phoneNumber, deviceId, Optional.empty(), OptionalInt.empty());
    }

    public static ClientStepOutcome failed(Optional<String> phoneNumber, Failure failure) {
        return new ClientStepOutcome("failed", phoneNumber, Optional.empty(), Optional.of(failure), OptionalInt.empty());
    }

    public static ClientStepOutcome otpRequired(Optional<String> phoneNumber, int attemptsLeft) {
        return new ClientStepOutcome("otp_required", phoneNumber, Optional.empty(), Optional.empty(),
                OptionalInt.of(attemptsLeft));
    }

    public static ClientStepOutcome possessionRequired(Optional<String> phoneNumber) {
        return new ClientStepOutcome("possession_required", phoneNumber, Optional.empty(), Optional.empty(),
                OptionalInt.empty());
    }

    public JsonObject toJson() {
        JsonAnswer answer = JsonAnswer.object().add("outcome", outcome)
                .addPresent("phoneNumber", phoneNumber)
                .addPresent("deviceId", deviceId);
        failure.ifPresent(f -> answer.add("failureReasons", f.reasons()));
        otpAttemptsLeft.ifPresent(n -> answer.add("otpAttemptsLeft", n));
        return answer.build();
    }
}
