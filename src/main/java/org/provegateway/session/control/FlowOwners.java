package org.provegateway.session.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who owns a flow: the authenticated caller, named as the audit trail and the {@code Idempotency-Key} scope name it
 * (the JWT's {@code upn} in production, the Basic user in demo and tests), so that the three always agree on who a
 * caller is.
 */
@ApplicationScoped
public class FlowOwners {

    /** Names longer than this are stored as their digest: the column must hold them whole, never cut. */
    static final int MAX_STORED_NAME = 200;
    static final String NO_CALLER = "system";
    private static final String UNAUTHENTICATED = "UNAUTHENTICATED";

    @Inject
    Principal caller;

    /** The current caller as a flow's owner. */
    public String current() {
        String name;
        try {
            name = caller == null ? null : caller.getName();
        } catch (RuntimeException noCaller) {
            name = null; // no request context
        }
        return stored(name == null || name.isBlank() || UNAUTHENTICATED.equals(name) ? NO_CALLER : name);
    }

    /**
     * The name as stored: whole when it fits, else {@code sha256:} and its hex digest, so that two long names that
     * share a prefix never become one owner.
     */
    static String stored(String name) {
        if (name.length() <= MAX_STORED_NAME) {
            return name;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
