package org.provegateway.proveapi;

import java.util.List;

import org.provegateway.session.entity.Reason;

/** Prove's answers to the steps of an identity flow, in the gateway's terms. */
public final class IdentityAnswers {

    private IdentityAnswers() {
    }

    /** {@code /v3/validate}: whether the phone passed, and what Prove offers next. */
    public record Validated(boolean success, NextStep next, String phoneNumber, List<Reason> reasons) {
    }

    /** {@code /v3/challenge}: whether it passed, what comes next, and the pre-filled individual (personal data). */
    public record Challenged(boolean success, NextStep next, PersonData individual, List<Reason> reasons) {

        @Override
        public String toString() {
            return "Challenged[success=" + success + ", next=" + next + ", individual=redacted]";
        }
    }

    /** {@code /v3/complete}: Prove's verdict, its reasons, and the idv and KYC verdicts. */
    public record Verified(boolean success, List<Reason> reasons, IdentityVerdicts.IdvResult idv,
            IdentityVerdicts.KycResult kyc) {
    }
}
