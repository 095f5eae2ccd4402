package org.provegateway.identity.control;

import java.util.List;

import org.provegateway.session.entity.Reason;

/**
 * The answer to validate.
 *
 * @param status   {@code VALIDATED} or {@code VALIDATION_FAILED}
 * @param nextStep {@code complete} when Prove offers {@code /v3/complete} next, otherwise {@code none} (the flow is
 *                 over)
 */
public record IdentityValidation(
        String flowId,
        String status,
        boolean phoneValidated,
        String nextStep,
        String phoneNumber,
        List<Reason> reasons) {

    public static final String NEXT_COMPLETE = "complete";
    public static final String NEXT_NONE = "none";
}
