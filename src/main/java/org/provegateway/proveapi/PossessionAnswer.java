package org.provegateway.proveapi;

import java.util.List;

import org.provegateway.session.entity.Reason;

/** Prove's answer about a possession check ({@code /v3/unify-status}, {@code /v3/unify-bind}). */
public record PossessionAnswer(Outcome outcome, String proveId, String deviceId, List<Reason> reasons) {

    /** Prove's {@code success}; a value this gateway does not know is {@link #UNKNOWN}. */
    public enum Outcome {
        SUCCESS, FAILURE, PENDING, POSSESSION_REQUIRED, UNKNOWN
    }
}
