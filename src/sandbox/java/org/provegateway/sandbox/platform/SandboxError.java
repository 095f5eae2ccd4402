package org.provegateway.sandbox.platform;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An error answer in Prove's format: HTTP status plus {@code {"code":<int>,"message":"..."}} with
 * {@code Content-Type: application/json}. The code is left out only where Prove leaves it out (HTTP 429).
 *
 * <p>Thrown anywhere in the emulator and turned into HTTP by {@link SandboxErrorMapper} only. The factories name
 * the answers of docs/sandbox.md section 2.1.
 */
public final class SandboxError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final OptionalInt code;
    private final Map<String, String> headers;

    public SandboxError(int status, int code, String message) {
        this(status, OptionalInt.of(code), message, Map.of());
    }

    private SandboxError(int status, OptionalInt code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    /** D2: HTTP 400, code 1001. */
    public static SandboxError missingField(String name) {
        return new SandboxError(400, 1001, "field '" + name + "' is missing");
    }

    /** D3: HTTP 400, code 8001, with the reason. */
    public static SandboxError malformed(String reason) {
        return new SandboxError(400, 8001, reason);
    }

    /** D6: HTTP 401, code 8002. */
    public static SandboxError notAuthorized() {
        return new SandboxError(401, 8002, "not authorized");
    }

    /** D1/D18: HTTP 403, code 1003. */
    public static SandboxError stepNotAllowed() {
        return new SandboxError(403, 1003, "step not allowed");
    }

    /** D5: HTTP 400, code 8007. */
    public static SandboxError noTestUser() {
        return new SandboxError(400, 8007, "no test user found matching the phone number");
    }

    /**
     * HTTP 400, code 8009: a test user of another product (Prove: "Sandbox Test User Access Denied"; the test user is
     * not accessible with these product credentials). Prove documents no HTTP status; 400 as for 8007.
     */
    public static SandboxError otherProductsTestUser() {
        return new SandboxError(400, 8009, "test user not accessible with these product credentials");
    }

    /** HTTP 400, code 8007, for a {@code proveId} that belongs to no test user. */
    public static SandboxError noTestUserForProveId() {
        return new SandboxError(400, 8007, "no test user found matching the proveId");
    }

    /** D4: HTTP 400, code 8008. */
    public static SandboxError invalidCorrelationId() {
        return new SandboxError(400, 8008, "invalid correlation id");
    }

    /** Control API: unknown, spent-and-forgotten or expired {@code authToken}; HTTP 400, code 8008. */
    public static SandboxError invalidAuthToken() {
        return new SandboxError(400, 8008, "invalid auth token");
    }

    /** D15: HTTP 400, code 8019. */
    public static SandboxError deviceRevoked() {
        return new SandboxError(400, 8019, "device has been revoked");
    }

    /** {@code /v3/device/revoke} with an unknown {@code deviceId}: HTTP 404, code 8010 (Prove documents no code). */
    public static SandboxError deviceNotFound() {
        return new SandboxError(404, 8010, "device not found");
    }

    /** D7: HTTP 429, no code, {@code Retry-After: 1}. */
    public static SandboxError rateLimited() {
        return new SandboxError(429, OptionalInt.empty(), "rate limit exceeded", Map.of("Retry-After", "1"));
    }

    /** Control API: the simulated client step is not possible in the flow's current state; HTTP 409, code 1003. */
    public static SandboxError conflict(String message) {
        return new SandboxError(409, 1003, message);
    }

    /** Control API: unknown resource (e.g. client action); HTTP 404, code 8001. */
    public static SandboxError notFound(String message) {
        return new SandboxError(404, 8001, message);
    }

    /** Any status, optional code, extra headers (injected faults, routing and unexpected errors). */
    public static SandboxError of(int status, OptionalInt code, String message, Map<String, String> headers) {
        return new SandboxError(status, code, message, headers);
    }

    public int status() {
        return status;
    }

    /** The JSON body, {@code {"code":..,"message":..}}. */
    public String body() {
        JsonObjectBuilder body = Json.createObjectBuilder();
        code.ifPresent(c -> body.add("code", c));
        return body.add("message", getMessage()).build().toString();
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body());
        headers.forEach(response::header);
        return response.build();
    }
}
