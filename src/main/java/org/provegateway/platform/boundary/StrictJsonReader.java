package org.provegateway.platform.boundary;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.JsonShape;
import org.provegateway.platform.control.ProblemType;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Every JSON request body that binds to a record is first checked by {@link JsonShape} (unknown or repeated members,
 * wrong JSON types, control characters, malformed JSON: 400 naming the field), then handed to JSON-B unchanged. The
 * body is read through {@link RequestSizeLimit}'s bounded stream, so holding it in memory is bounded too.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class StrictJsonReader implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Class<?> type = context.getType();
        MediaType media = context.getMediaType();
        if (!type.isRecord() || media == null || !"json".equalsIgnoreCase(media.getSubtype())) {
            return context.proceed();
        }
        byte[] body;
        try {
            body = context.getInputStream().readAllBytes();
        } catch (IOException cut) {
            // The caller closed or stalled before sending the length it announced (or the last chunk): its fault,
            // and nothing an operator has to act on.
            throw new GatewayException(ProblemType.INVALID_REQUEST, "The request body ended before it was complete");
        }
        JsonShape.check(body, type);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
