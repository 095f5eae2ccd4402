package org.provegateway.sandbox.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The one place where a {@link SandboxError} becomes an HTTP answer. */
@Provider
public class SandboxErrorMapper implements ExceptionMapper<SandboxError> {

    @Override
    public Response toResponse(SandboxError error) {
        return error.toResponse();
    }
}
