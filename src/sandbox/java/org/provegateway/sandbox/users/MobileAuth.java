package org.provegateway.sandbox.users;

/** What the simulated Mobile Auth does for a test user. */
public enum MobileAuth {
    /** Not a Mobile Auth user: the {@code mobile-auth} client action is refused (409). */
    UNAVAILABLE,
    /** Mobile Auth passes (Inge, Allissa; the Identity/Pre-Fill "+ Mobile Auth" users). */
    PASS,
    /** Mobile Auth fails with no OTP fallback: 9100 (Wendy, and Jesse by D11). */
    FAIL,
    /** Mobile Auth fails and falls back to SMS OTP (Penny, Amii). */
    FALLBACK_TO_OTP
}
