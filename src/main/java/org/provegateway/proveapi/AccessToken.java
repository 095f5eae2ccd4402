package org.provegateway.proveapi;

import java.time.Instant;

/** A cached bearer token and the instant from which it should be replaced. Never printed. */
record AccessToken(String value, Instant refreshAt) {

    boolean freshAt(Instant now) {
        return now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
        return "AccessToken[value=***, refreshAt=" + refreshAt + "]";
    }
}
