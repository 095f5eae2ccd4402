package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.math.BigDecimal;

/** Address match results: booleans per part, integer scores for the whole and the street number, a distance. */
public record AddressMatch(
        @JsonbTypeDeserializer(Typed.Score.class) Integer addressScore,
        @JsonbTypeDeserializer(Typed.Flag.class) Boolean city,
        @JsonbTypeDeserializer(Typed.Decimal.class) BigDecimal distance,
        @JsonbTypeDeserializer(Typed.Flag.class) Boolean postalCode,
        @JsonbTypeDeserializer(Typed.Flag.class) Boolean region,
        @JsonbTypeDeserializer(Typed.Flag.class) Boolean street,
        @JsonbTypeDeserializer(Typed.Score.class) Integer streetNumber) {
}
