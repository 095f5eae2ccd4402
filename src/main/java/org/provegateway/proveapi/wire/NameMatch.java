package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;

/** Name match results: Prove's integer scores, never the names. */
public record NameMatch(
        @JsonbTypeDeserializer(Typed.Score.class) Integer firstName,
        @JsonbTypeDeserializer(Typed.Score.class) Integer lastName,
        @JsonbTypeDeserializer(Typed.Score.class) Integer nameScore) {
}
