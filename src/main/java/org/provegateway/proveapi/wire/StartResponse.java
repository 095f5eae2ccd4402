package org.provegateway.proveapi.wire;

import java.util.Map;

/** Answer of {@code POST /v3/start}: client {@code authToken}, {@code correlationId}, {@code next} = {@code {"v3-validate": "/v3/validate"}}. */
public record StartResponse(String authToken, String correlationId, Map<String, String> next) {

    @Override
    public String toString() {
        return "StartResponse[authToken=" + Redacted.mask(authToken) + ", correlationId=" + correlationId
                + ", next=" + next + "]";
    }
}
