package org.provegateway.proveapi;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Prove's four hosts (the server names Prove's SDKs use). Credentials only work against the environment and
 * region they were issued for. Identity ({@code /v3/start}, {@code /v3/validate}, {@code /v3/complete}) exists
 * on the North American hosts only.
 */
public enum ProveEnvironment {
    UAT_US("uat-us", "https://platform.uat.proveapis.com"),
    PROD_US("prod-us", "https://platform.proveapis.com"),
    UAT_EU("uat-eu", "https://platform.uat.eu.proveapis.com"),
    PROD_EU("prod-eu", "https://platform.eu.proveapis.com");

    private final String configName;
    private final URI baseUri;

    ProveEnvironment(String configName, String baseUri) {
        this.configName = configName;
        this.baseUri = URI.create(baseUri);
    }

    /** The value of {@code prove.api.environment} that selects this environment, e.g. {@code uat-us}. */
    public String configName() {
        return configName;
    }

    public URI baseUri() {
        return baseUri;
    }

    /** The environment for a configured name (case-insensitive). */
    public static ProveEnvironment of(String configName) {
        String wanted = configName == null ? "" : configName.strip();
        return Arrays.stream(values())
                .filter(environment -> environment.configName.equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Prove environment '" + wanted
                        + "', expected one of " + Arrays.stream(values()).map(ProveEnvironment::configName)
                                .collect(Collectors.joining(", "))));
    }
}
