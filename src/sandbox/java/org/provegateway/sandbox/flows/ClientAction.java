package org.provegateway.sandbox.flows;

import java.util.Arrays;
import java.util.Optional;

/** The actions of the simulated client step, {@code POST /control/client/{authToken}/{action}}. */
public enum ClientAction {
    /** Key-only authentication with the device's Prove Key (Unify mobile and none flows). */
    KEY("key"),
    /** Mobile Auth (mobile flows, Mobile Auth users only). */
    MOBILE_AUTH("mobile-auth"),
    /** SMS OTP entry (mobile flows); "1234" is the passing code. */
    OTP("otp"),
    /** Instant Link click (desktop flows). */
    INSTANT_LINK("instant-link"),
    /** The customer cancelled: possession fails (9100). */
    CANCEL("cancel");

    private final String path;

    ClientAction(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<ClientAction> fromPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
    }
}
