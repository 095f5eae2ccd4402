package org.provegateway.sandbox.users;

/**
 * Which endpoints accept a test user. Behaviour choice: Unify users (§11.1) work only on {@code /v3/unify*},
 * Identity and Pre-Fill users (§11.2, §11.3) only on {@code /v3/start}; the other product's numbers answer 8007 like
 * any unknown number, since the emulator has a single set of credentials (so Prove's 8009 never applies).
 */
public enum Product {
    UNIFY,
    IDENTITY
}
