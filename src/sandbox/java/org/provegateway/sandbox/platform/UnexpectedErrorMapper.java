package org.provegateway.sandbox.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bug in the emulator still answers in Prove's format: HTTP 500 {@code {"code":1000,"message":"error occurred"}}
 * (Prove's generic error). The exception is logged with its stack trace; the emulator's own exceptions never carry
 * request bodies, tokens or identity data.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        LOG.log(Level.SEVERE, "prove-sandbox: unexpected error", exception);
        return SandboxError.of(500, OptionalInt.of(1000), "error occurred", Map.of()).toResponse();
    }
}
