package org.provegateway.proveapi.wire;

/** One field of a watch-list hit; its {@code value} may be personal data and is redacted in {@code toString()}. */
public record AmlField(String name, String source, String value) {

    @Override
    public String toString() {
        return "AmlField[name=" + name + ", source=" + source + ", value=" + Redacted.mask(value) + "]";
    }
}
