package org.provegateway.proveapi;

/** A {@code prove.api.*} setting is missing or invalid. The message names the key, never a secret value. */
public class ProveConfigurationException extends IllegalStateException {

    public ProveConfigurationException(String message) {
        super(message);
    }
}
