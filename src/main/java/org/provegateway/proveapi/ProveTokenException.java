package org.provegateway.proveapi;

/**
 * Prove's {@code /token} answered 2xx with something the gateway cannot use as a bearer token (wrong
 * {@code token_type}, missing or non-positive {@code expires_in}, no {@code access_token}). The message names
 * the field, never the token.
 */
public class ProveTokenException extends ProveApiException {

    public ProveTokenException(String message) {
        super(message, null);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
