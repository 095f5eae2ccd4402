package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.Map;

/**
 * Answer of {@code POST /v3/challenge}: {@code success} (a JSON boolean), the pre-filled {@code individual} (personal
 * data: redacted in {@code toString()}), {@code next} ({@code {"v3-complete": ...}}) and {@code evaluation}.
 */
public record ChallengeResponse(
        boolean success,
        Individual individual,
        Map<String, String> next,
        @JsonbTypeDeserializer(EvaluationDeserializer.class) Map<String, EvaluationCategory> evaluation) {

    @Override
    public String toString() {
        return "ChallengeResponse[success=" + success + ", individual=" + individual + ", next=" + next
                + ", evaluation=" + evaluation + "]";
    }
}
