package org.provegateway.sandbox.platform;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Random, JWT-looking tokens ({@code eyJ...}, three base64url parts) for {@code access_token} and {@code authToken}.
 * They are opaque to everyone, emulator included: it keeps them in memory and never parses or verifies them, and the
 * "signature" is random bytes. The payload carries nothing but issuer, audience, id and times.
 */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");

    private RandomTokens() {
    }

    public static String jwt(String audience, Instant issuedAt, Instant expiresAt) {
        String payload = Json.createObjectBuilder()
                .add("iss", "prove-sandbox")
                .add("aud", audience)
                .add("jti", UUID.randomUUID().toString())
                .add("iat", issuedAt.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .build().toString();
        byte[] signature = new byte[32];
        RANDOM.nextBytes(signature);
        return HEADER + "." + encode(payload) + "." + BASE64URL.encodeToString(signature);
    }

    private static String encode(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
