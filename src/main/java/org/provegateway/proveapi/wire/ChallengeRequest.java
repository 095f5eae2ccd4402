package org.provegateway.proveapi.wire;

/**
 * Body of {@code POST /v3/challenge} (Pre-Fill only, when validate's {@code next} offers {@code v3-challenge}):
 * {@code dob} ({@code YYYY-MM-DD}, {@code YYYY-MM} or {@code MM-DD}) and/or {@code ssn} (full or last 4).
 */
public record ChallengeRequest(String correlationId, String dob, String ssn) {

    @Override
    public String toString() {
        return "ChallengeRequest[correlationId=" + correlationId + ", dob=" + Redacted.mask(dob) + ", ssn="
                + Redacted.mask(ssn) + "]";
    }
}
