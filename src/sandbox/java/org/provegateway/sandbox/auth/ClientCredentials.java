package org.provegateway.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one accepted client id and secret, from MicroProfile Config {@code sandbox.client-id} /
 * {@code sandbox.client-secret} (defaults {@code demo-client-id} / {@code demo-client-secret}: demo values, not
 * secrets). {@link #toString()} never shows the secret.
 */
public record ClientCredentials(String clientId, String clientSecret) {

    public boolean accept(String id, String secret) {
        return equal(clientId, id) & equal(clientSecret, secret);
    }

    private static boolean equal(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
}
