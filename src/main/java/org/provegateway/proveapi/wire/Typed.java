package org.provegateway.proveapi.wire;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * Strict readers for the {@code idv} verdicts, whose JSON types Prove's models fix (booleans, integer scores, a
 * decimal distance). JSON-B's default reading would turn a word into {@code false} ({@code "match"} read as a
 * boolean is {@code false}): a verdict of the wrong JSON type is read as absent instead, never as the opposite
 * verdict, and a string is never kept (it could be a value, such as a name, rather than a verdict).
 */
public final class Typed {

    private Typed() {
    }

    /** A JSON boolean, or absent. */
    public static final class Flag implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return switch (parser.getValue().getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                default -> null;
            };
        }
    }

    /** A JSON integer (a score or a count), or absent. */
    public static final class Score implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value.getValueType() != JsonValue.ValueType.NUMBER) {
                return null;
            }
            JsonNumber number = (JsonNumber) value;
            if (!number.isIntegral()) {
                return null;
            }
            try {
                return number.bigIntegerValueExact().intValueExact();
            } catch (ArithmeticException tooLarge) {
                return null;
            }
        }
    }

    /** A JSON number, or absent. */
    public static final class Decimal implements JsonbDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return value.getValueType() == JsonValue.ValueType.NUMBER ? ((JsonNumber) value).bigDecimalValue() : null;
        }
    }
}
