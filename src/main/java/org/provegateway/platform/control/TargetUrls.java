package org.provegateway.platform.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks a {@code finalTargetUrl}, where Prove's Instant Link sends the customer's browser. Prove's own rules (at most
 * 128 characters of {@code A-Z a-z 0-9 - . _ + = / : ?}, an absolute URL) and the bank's: {@code https} only
 * ({@code http} only to localhost, and only where {@value #HTTP_LOCALHOST_KEY} is set, as in demo and tests), and a
 * host on the allow-list {@value #ALLOWED_HOSTS_KEY} (entries are host names, or {@code *.example.com} for any host
 * under a domain). An empty allow-list admits any host: {@link TargetUrlPolicyWarning} warns about it at start-up.
 *
 * <p>Read from MicroProfile Config on each check (static because both flow kinds call it as a plain input rule); a
 * lookup of two keys costs microseconds next to the Prove call that follows.
 */
public final class TargetUrls {

    public static final String ALLOWED_HOSTS_KEY = "flows.final-target-url.allowed-hosts";
    public static final String HTTP_LOCALHOST_KEY = "flows.final-target-url.allow-http-localhost";

    private static final String URL_CHARACTERS = "[A-Za-z0-9\\-._+=/:?]+";
    private static final String FIELD = "finalTargetUrl";
    private static final Set<String> LOCALHOST = Set.of("localhost", "127.0.0.1");

    /** The configured rules: hosts allowed (empty: any) and whether http to localhost is allowed. */
    public record Policy(List<String> allowedHosts, boolean httpToLocalhost) {

        public Policy {
            allowedHosts = allowedHosts.stream().map(String::strip).filter(host -> !host.isEmpty())
                    .map(host -> host.toLowerCase(Locale.ROOT)).toList();
        }

        public static Policy configured() {
            Config config = ConfigProvider.getConfig();
            return new Policy(config.getOptionalValues(ALLOWED_HOSTS_KEY, String.class).orElse(List.of()),
                    config.getOptionalValue(HTTP_LOCALHOST_KEY, Boolean.class).orElse(false));
        }

        boolean allows(String host) {
            if (allowedHosts.isEmpty()) {
                return true;
            }
            String name = host.toLowerCase(Locale.ROOT);
            for (String allowed : allowedHosts) {
                if (allowed.startsWith("*.") ? name.endsWith(allowed.substring(1)) : name.equals(allowed)) {
                    return true;
                }
            }
            return false;
        }
    }

    private TargetUrls() {
    }

    public static void check(String url) {
        check(url, Policy.configured());
    }

    public static void check(String url, Policy policy) {
        if (url.length() > 128) {
            throw GatewayException.invalidField(FIELD, "must be at most 128 characters");
        }
        if (!url.matches(URL_CHARACTERS)) {
            throw GatewayException.invalidField(FIELD, "may contain only letters, digits and - . _ + = / : ?");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw GatewayException.invalidField(FIELD, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || uri.getUserInfo() != null) {
            throw GatewayException.invalidField(FIELD, "must be an absolute https URL");
        }
        boolean localhost = LOCALHOST.contains(host.toLowerCase(Locale.ROOT));
        if (!"https".equals(scheme) && !("http".equals(scheme) && localhost && policy.httpToLocalhost())) {
            throw GatewayException.invalidField(FIELD, "must be an https URL");
        }
        if (!policy.allows(host)) {
            throw GatewayException.invalidField(FIELD, "must be on a host the gateway allows ("
                    + ALLOWED_HOSTS_KEY + ")");
        }
    }
}
