package org.provegateway.proveapi;

import java.io.IOException;
import java.util.Optional;

/**
 * No usable answer from Prove: connection refused, connect or read timeout, dropped connection, or an answer
 * that could not be read. The cause is kept only when it is an {@link IOException} (a transport failure);
 * other causes, which could quote a response body, are named by class only.
 */
public class ProveUnavailableException extends ProveApiException {

    private final boolean timeout;

    public ProveUnavailableException(String operation, Throwable failure) {
        super(describe(operation, failure), transportCause(failure).orElse(null));
        this.timeout = isTimeout(failure);
    }

    /** Prove answered 2xx but the answer was unusable, e.g. had no body. */
    public ProveUnavailableException(String operation, String reason) {
        super("Prove API call '" + operation + "' got no usable answer (" + reason + ")", null);
        this.timeout = false;
    }

    @Override
    public boolean isTransient() {
        return true;
    }

    /**
     * Whether the failure was a connect or read timeout (Prove too slow) rather than a refused or dropped
     * connection (Prove unreachable). Decided from the class names in the cause chain, because each REST client
     * implementation uses its own timeout exception types.
     */
    public boolean isTimeout() {
        return timeout;
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("Timeout") || name.contains("TimedOut")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describe(String operation, Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (chain.length() > 0) {
                chain.append(" <- ");
            }
            chain.append(t.getClass().getSimpleName());
            if (t.getCause() == t) {
                break;
            }
        }
        return "Prove API call '" + operation + "' got no usable answer (" + chain + ")";
    }

    private static Optional<Throwable> transportCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return Optional.of(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
