package org.provegateway.sandbox.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Builds a JSON object answer that, like Prove, omits absent optional fields instead of sending {@code null}.
 * Answers are written as JSON text so that no JSON provider configuration is needed.
 */
public final class JsonAnswer {

    private final JsonObjectBuilder builder = Json.createObjectBuilder();

    private JsonAnswer() {
    }

    public static JsonAnswer object() {
        return new JsonAnswer();
    }

    public JsonAnswer add(String name, String value) {
        builder.add(name, value);
        return this;
    }

    public JsonAnswer add(String name, boolean value) {
        builder.add(name, value);
        return this;
    }

    public JsonAnswer add(String name, long value) {
        builder.add(name, value);
        return this;
    }

    public JsonAnswer add(String name, JsonValue value) {
        builder.add(name, value);
        return this;
    }

    public JsonAnswer add(String name, JsonAnswer value) {
        builder.add(name, value.build());
        return this;
    }

    /** Adds the field only when the value is present. */
    public JsonAnswer addPresent(String name, Optional<String> value) {
        value.ifPresent(v -> builder.add(name, v));
        return this;
    }

    /** Adds the object only when present and not empty (Prove omits empty objects). */
    public JsonAnswer addObject(String name, Optional<JsonObject> value) {
        value.filter(v -> !v.isEmpty()).ifPresent(v -> builder.add(name, v));
        return this;
    }

    public JsonObject build() {
        return builder.build();
    }

    /** HTTP 200 with this object. */
    public Response ok() {
        return ok(build());
    }

    /** HTTP 200 with the given JSON value. */
    public static Response ok(JsonValue value) {
        return Response.ok(value.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
