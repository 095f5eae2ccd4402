package org.provegateway.proveapi.client;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.provegateway.proveapi.wire.ErrorBody;

/**
 * Reads Prove's error body {@code {"code": 1001, "message": "..."}} tolerantly: an empty body, HTML from a
 * proxy, or a body of another shape gives {@link ErrorBody#EMPTY} (or the part that could be read), never an
 * exception.
 */
final class ErrorBodies {

    private ErrorBodies() {
    }

    static ErrorBody parse(String body) {
        if (body == null || body.isBlank()) {
            return ErrorBody.EMPTY;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return ErrorBody.EMPTY;
            }
            JsonObject object = value.asJsonObject();
            return new ErrorBody(code(object.get("code")), message(object.get("message")));
        } catch (JsonException e) {
            return ErrorBody.EMPTY;
        }
    }

    private static Integer code(JsonValue value) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.intValue();
        }
        if (value instanceof JsonString string && string.getString().strip().matches("\\d{1,9}")) {
            return Integer.valueOf(string.getString().strip());
        }
        return null;
    }

    private static String message(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : null;
    }
}
