package org.provegateway.sandbox.users;

import java.util.EnumSet;
import java.util.Set;

/**
 * The Prove product a test user belongs to, which decides the endpoints that accept the user: Unify users on
 * {@code /v3/unify*}, Pre-Fill and Identity users on {@code /v3/start}. Prove's sandbox answers 8009 when a test user
 * is used with another product's credentials; the emulator has one set of credentials for all products, so it answers
 * 8009 when a user reaches another product's endpoints (a Unify user on {@code /v3/start}, a Pre-Fill or Identity
 * user on {@code /v3/unify}).
 */
public enum Product {
    UNIFY,
    /** Pre-Fill: validate offers {@code /v3/challenge}, which answers the pre-filled individual. */
    PREFILL,
    /** Prove Identity: validate offers {@code /v3/complete} directly. */
    IDENTITY;

    /** The products served by {@code /v3/start}, {@code /v3/validate}, {@code /v3/challenge}, {@code /v3/complete}. */
    public static final Set<Product> START_FAMILY = EnumSet.of(PREFILL, IDENTITY);

    public static final Set<Product> UNIFY_ONLY = EnumSet.of(UNIFY);
}
