package org.provegateway.proveapi;

/**
 * Prove did not answer within the REST client's connect or read timeout ({@code prove.api.connect-timeout},
 * {@code prove.api.read-timeout}). A type of its own so that fault-tolerance policies can name it: a status read
 * that already waited the whole read timeout is not repeated, the caller gets its answer at once.
 */
public class ProveTimeoutException extends ProveUnavailableException {

    public ProveTimeoutException(String operation, Throwable failure) {
        super(operation, failure);
    }

    @Override
    public boolean isTimeout() {
        return true;
    }
}
