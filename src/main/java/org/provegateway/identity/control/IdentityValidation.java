package org.provegateway.identity.control;

import java.util.List;

import org.provegateway.session.entity.Reason;

/**
 * The answer to validate.
 *
 * @param status   {@code VALIDATED}, {@code CHALLENGE_REQUIRED} (Pre-Fill) or {@code VALIDATION_FAILED}
 * @param nextStep {@code complete} when Prove offers {@code /v3/complete} next, {@code challenge} when it offers
 *                 Pre-Fill's {@code /v3/challenge}, otherwise {@code none} (the flow is over)
 */
public record IdentityValidation(
        String flowId,
        String status,
        boolean phoneValidated,
        String nextStep,
        String phoneNumber,
        List<Reason> reasons) {

    public static final String NEXT_COMPLETE = "complete";
    public static final String NEXT_CHALLENGE = "challenge";
    public static final String NEXT_NONE = "none";
}
