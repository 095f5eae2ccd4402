package org.provegateway.proveapi.wire;

/** Address match result: flags per part, a score and a distance (types as in Prove's SDK models). */
public record AddressMatch(
        Long addressScore,
        Boolean city,
        Double distance,
        Boolean postalCode,
        Boolean region,
        Boolean street,
        Long streetNumber) {
}
