package org.provegateway.proveapi.wire;

/** Body of every Prove 4xx/5xx answer: {@code code} is optional, {@code message} required (but not trusted). */
public record ErrorBody(Integer code, String message) {

    /** What an empty or unreadable error body counts as. */
    public static final ErrorBody EMPTY = new ErrorBody(null, null);
}
