package org.provegateway.proveapi;

import org.provegateway.proveapi.wire.TokenResponse;

/** Fetches a fresh access token from Prove's {@code /token}; failures are {@link ProveApiException}s. */
@FunctionalInterface
public interface TokenSource {

    TokenResponse fetch();
}
