package org.provegateway.proveapi.wire;

/** Address match results: a verdict per part, a score and a distance. */
public record AddressMatch(
        Long addressScore,
        Match city,
        Double distance,
        Match postalCode,
        Match region,
        Match street,
        Match streetNumber) {
}
