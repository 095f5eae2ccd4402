package org.provegateway.proveapi.wire;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an {@code evaluation} map and keeps every category. Entries that are not objects are skipped instead of
 * failing the whole answer: Prove's own examples put a stray {@code "success": true} inside {@code evaluation}.
 * A non-string failure-reason description is kept in its JSON text form.
 */
public class EvaluationDeserializer implements JsonbDeserializer<Map<String, EvaluationCategory>> {

    @Override
    public Map<String, EvaluationCategory> deserialize(JsonParser parser, DeserializationContext context,
            Type type) {
        JsonValue value = parser.getValue();
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        Map<String, EvaluationCategory> categories = new LinkedHashMap<>();
        value.asJsonObject().forEach((name, category) -> {
            if (category.getValueType() == JsonValue.ValueType.OBJECT) {
                categories.put(name, toCategory(category.asJsonObject()));
            }
        });
        return categories;
    }

    private static EvaluationCategory toCategory(JsonObject category) {
        JsonValue reasons = category.get("failureReasons");
        Map<String, String> failureReasons = null;
        if (reasons != null && reasons.getValueType() == JsonValue.ValueType.OBJECT) {
            failureReasons = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> reason : reasons.asJsonObject().entrySet()) {
                failureReasons.put(reason.getKey(), text(reason.getValue()));
            }
        }
        return new EvaluationCategory(text(category.get("result")), failureReasons);
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }
}
