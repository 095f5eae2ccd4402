package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbProperty;

/** Identity-verification (CIP) result of {@code /v3/complete}: match flags and scores per data source. */
public record Idv(
        @JsonbProperty("multiCIPConfidence") String multiCipConfidence,
        DataSource dataSource1,
        DataSource dataSource2) {
}
