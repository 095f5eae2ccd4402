package org.provegateway.sandbox.identity;

import java.util.Optional;

/**
 * The Pre-Fill challenge: a date of birth and/or an SSN (full or last 4), given at {@code /v3/start} or at
 * {@code /v3/challenge}.
 */
public record ChallengeData(Optional<PartialDate> dob, Optional<String> ssn) {

    boolean isEmpty() {
        return dob.isEmpty() && ssn.isEmpty();
    }

    /** Prove: challenge fields "overwrite the /start endpoint fields submitted"; each field on its own. */
    ChallengeData over(ChallengeData earlier) {
        return new ChallengeData(dob.or(earlier::dob), ssn.or(earlier::ssn));
    }
}
