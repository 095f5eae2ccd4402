package org.provegateway.sandbox.platform;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code /v3} request body: parsed, size-checked, and read field by field with Prove's error answers.
 *
 * <p>Callers check in the documented order: {@link #parse} (8001), then every {@link #require} (1001), then the
 * typed readers, which check type and format (8001). Behaviour choices: a field that is absent, JSON {@code null}
 * or a blank string counts as missing; unknown fields are ignored.
 */
public final class RequestFields {

    /** Prove: "Request body must be valid JSON and under 4 KB". A body of more than 4096 bytes is refused. */
    public static final int MAX_BODY_BYTES = 4096;

    private final JsonObject json;
    private final String prefix;

    private RequestFields(JsonObject json, String prefix) {
        this.json = json;
        this.prefix = prefix;
    }

    /** HTTP 400 / 8001 when the body is over 4 KB, empty, not JSON or not a JSON object. */
    public static RequestFields parse(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw SandboxError.malformed("request body must be under 4 KB (" + MAX_BODY_BYTES + " bytes)");
        }
        if (body.length == 0) {
            throw SandboxError.malformed("request body is empty; a JSON object is required");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw SandboxError.malformed("request body is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw SandboxError.malformed("request body must be a JSON object");
        }
        return new RequestFields(value.asJsonObject(), "");
    }

    /**
     * A control-API body: like {@link #parse} but an empty body is an empty object (all fields absent).
     */
    public static RequestFields parseOptional(byte[] body) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return new RequestFields(JsonValue.EMPTY_JSON_OBJECT, "");
        }
        return parse(body);
    }

    /** The names of all fields sent. */
    public Set<String> names() {
        return json.keySet();
    }

    /** An optional whole number within the bounds; 8001 otherwise. */
    public OptionalLong number(String field, long min, long max) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return OptionalLong.empty();
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()
                || number.bigIntegerValue().compareTo(BigInteger.valueOf(min)) < 0
                || number.bigIntegerValue().compareTo(BigInteger.valueOf(max)) > 0) {
            throw SandboxError.malformed(name(field) + " must be a whole number from " + min + " to " + max);
        }
        return OptionalLong.of(number.longValue());
    }

    /** The full name of a field, e.g. {@code individual.firstName}. */
    public String name(String field) {
        return prefix + field;
    }

    /** Present, not JSON null and, for strings, not blank. */
    public boolean has(String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        return !(value instanceof JsonString text) || !text.getString().isBlank();
    }

    /** HTTP 400 / 1001 for the first missing field. */
    public RequestFields require(String... fields) {
        for (String field : fields) {
            if (!has(field)) {
                throw SandboxError.missingField(name(field));
            }
        }
        return this;
    }

    /** {@link #require} only when the condition holds (conditional fields such as {@code finalTargetUrl}). */
    public RequestFields requireIf(boolean condition, String field) {
        return condition ? require(field) : this;
    }

    /** The string value if the field holds a string, without any check (used to decide conditional fields). */
    public Optional<String> peek(String field) {
        return json.get(field) instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
    }

    /** An optional string checked against its rule; 8001 when it is not a string or breaks the rule. */
    public Optional<String> text(String field, FieldRule rule) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw SandboxError.malformed(name(field) + " must be a string");
        }
        rule.check(name(field), text.getString());
        return Optional.of(text.getString());
    }

    /** A string already confirmed by {@link #require}. */
    public String requiredText(String field, FieldRule rule) {
        return text(field, rule).orElseThrow(() -> SandboxError.missingField(name(field)));
    }

    /** An optional string that must be one of the allowed values; 8001 otherwise. */
    public Optional<String> choice(String field, Set<String> allowed) {
        Optional<String> value = text(field, FieldRule.TEXT);
        value.filter(v -> !allowed.contains(v)).ifPresent(v -> {
            throw SandboxError.malformed(name(field) + " must be one of " + String.join(", ", new TreeSet<>(allowed)));
        });
        return value;
    }

    /** An optional boolean; 8001 unless it is a JSON {@code true}/{@code false}. */
    public Optional<Boolean> flag(String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return Optional.of(Boolean.TRUE);
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return Optional.of(Boolean.FALSE);
        }
        throw SandboxError.malformed(name(field) + " must be a boolean");
    }

    /** An optional nested object; 8001 when it is not an object. */
    public Optional<RequestFields> object(String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw SandboxError.malformed(name(field) + " must be an object");
        }
        return Optional.of(new RequestFields(value.asJsonObject(), name(field) + "."));
    }

    /** An optional array of objects (empty when absent); 8001 on any other shape. */
    public List<RequestFields> objects(String field) {
        List<RequestFields> entries = new ArrayList<>();
        for (JsonValue entry : array(field)) {
            if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                throw SandboxError.malformed(name(field) + " must be an array of objects");
            }
            entries.add(new RequestFields(entry.asJsonObject(), name(field) + "[" + entries.size() + "]."));
        }
        return entries;
    }

    /** An optional array of strings, each checked against the rule (empty when absent). */
    public List<String> texts(String field, FieldRule rule) {
        List<String> entries = new ArrayList<>();
        for (JsonValue entry : array(field)) {
            if (!(entry instanceof JsonString text)) {
                throw SandboxError.malformed(name(field) + " must be an array of strings");
            }
            rule.check(name(field) + "[" + entries.size() + "]", text.getString());
            entries.add(text.getString());
        }
        return entries;
    }

    private List<JsonValue> array(String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw SandboxError.malformed(name(field) + " must be an array");
        }
        return value.asJsonArray();
    }
}
