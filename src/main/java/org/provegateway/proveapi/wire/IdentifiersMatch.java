package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;

/** Whether date of birth, SSN last four and full SSN matched (booleans, not values). */
public record IdentifiersMatch(
        @JsonbTypeDeserializer(Typed.Flag.class) Boolean dob,
        @JsonbTypeDeserializer(Typed.Flag.class) Boolean last4,
        @JsonbTypeDeserializer(Typed.Flag.class) Boolean ssn) {
}
