package org.provegateway.sandbox.calls;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.provegateway.sandbox.platform.FormBody;
import org.provegateway.sandbox.platform.RequestFields;
import org.provegateway.sandbox.platform.SandboxError;

/**
 * How a request body is kept for {@code GET /control/calls}: {@code /token} as an object of its form fields with
 * {@code client_secret} replaced by {@code "***"}; {@code /v3} bodies as the JSON sent, or as a string when they are
 * not JSON; bodies over 4 KB as a string saying only their size. Bodies are kept in memory for the control API and
 * never logged.
 */
final class RecordedBody {

    private RecordedBody() {
    }

    static JsonValue of(String endpoint, byte[] body) {
        if (body.length > RequestFields.MAX_BODY_BYTES) {
            return Json.createValue("(" + body.length + " bytes, not kept)");
        }
        if (endpoint.equals("/token")) {
            return tokenForm(body);
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue();
        } catch (JsonException notJson) {
            return Json.createValue(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static JsonValue tokenForm(byte[] body) {
        JsonObjectBuilder fields = Json.createObjectBuilder();
        try {
            FormBody.parse(body).forEach((name, value) -> fields.add(name, name.equals("client_secret") ? "***" : value));
        } catch (SandboxError notAForm) {
            return Json.createValue("(not a form body, not kept)");
        }
        return fields.build();
    }
}
