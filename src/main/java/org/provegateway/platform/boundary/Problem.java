package org.provegateway.platform.boundary;

import java.util.List;

import org.provegateway.platform.control.GatewayException.FieldError;
import org.provegateway.platform.control.ProblemType;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * RFC 9457 problem details, the body of every non-2xx answer ({@code application/problem+json}). Absent members are
 * omitted. {@code flowId} names the gateway flow concerned; {@code proveCode} is Prove's error code, for support.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "flowId", "proveCode", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, String flowId,
        Integer proveCode, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri().toString(), type.title(), type.status(), detail, instance, null, null, null);
    }
}
