package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;

/**
 * One match result inside {@code idv} (e.g. {@code name.firstName}, {@code identifiers.ssn}). Prove's SDK models
 * type these as booleans or integers, while Prove's sandbox pages and this project's emulator answer words
 * ({@code "match"}, {@code "mismatch"}); {@link MatchDeserializer} reads all of them into one word:
 * {@code match}, {@code mismatch}, or Prove's number as text. A string that is neither a known verdict word nor a
 * number is never kept (it could be a value rather than a verdict) and reads as {@code unrecognised}.
 */
@JsonbTypeDeserializer(MatchDeserializer.class)
public record Match(String value) {

    public static final String MATCH = "match";
    public static final String MISMATCH = "mismatch";
    public static final String UNRECOGNISED = "unrecognised";
}
