package org.provegateway.sandbox.flows;

import org.provegateway.sandbox.users.TestUser;

/**
 * The sandbox SMS OTP: "1234" passes for users whose possession passes, any other code (and every code of the "fail"
 * users) is wrong. With {@code allowOTPRetry=true} up to three codes may be entered; the third wrong code fails the
 * possession check, without it the first wrong code does. Not thread-safe: used under the owning flow's lock.
 */
public final class OtpAttempts {

    public static final String PASSING_CODE = "1234";
    public static final int MAX_ATTEMPTS = 3;

    private final boolean retryAllowed;
    private int wrong;

    public OtpAttempts(boolean retryAllowed) {
        this.retryAllowed = retryAllowed;
    }

    public boolean passes(TestUser user, String code) {
        return user.possessionPasses() && PASSING_CODE.equals(code);
    }

    /** Counts a wrong code; answers how many codes may still be entered (0: possession failed). */
    public int recordWrong() {
        wrong++;
        return left();
    }

    /** Codes that may still be entered. */
    public int left() {
        return Math.max(0, (retryAllowed ? MAX_ATTEMPTS : 1) - wrong);
    }
}
