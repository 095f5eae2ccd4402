package org.provegateway.proveapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code prove.api.*} settings, read once from MicroProfile Config. Format errors (environment, URL,
 * durations) surface when the bean is created; missing credentials surface on first use, naming the key so an
 * operator knows what to set ({@code PROVE_API_CLIENT_SECRET} as an environment variable). Values of secrets
 * never appear in messages.
 */
@ApplicationScoped
public class ProveApiConfig {

    private static final Logger LOG = Logger.getLogger(ProveApiConfig.class.getName());

    public static final String ENVIRONMENT = "prove.api.environment";
    public static final String BASE_URL = "prove.api.base-url";
    public static final String CLIENT_ID = "prove.api.client-id";
    public static final String CLIENT_SECRET = "prove.api.client-secret";
    public static final String CONNECT_TIMEOUT = "prove.api.connect-timeout";
    public static final String READ_TIMEOUT = "prove.api.read-timeout";
    public static final String TOKEN_REFRESH_AHEAD = "prove.api.token-refresh-ahead";

    /** Prove's SDKs default to North America UAT (sandbox); so do we. */
    static final String DEFAULT_ENVIRONMENT = "uat-us";

    /**
     * 5 s to open a TCP/TLS connection: Prove is a public cloud endpoint, so a connect that takes longer means
     * it is unreachable, and a user is waiting on the other end.
     */
    static final String DEFAULT_CONNECT_TIMEOUT = "PT5S";

    /**
     * 15 s to wait for an answer: generous for calls that normally answer in well under a second, short enough
     * that a hung Prove releases the request thread long before the user's 2-minute OTP window closes. Prove's
     * own Java SDK has no timeout at all, which we must not copy.
     */
    static final String DEFAULT_READ_TIMEOUT = "PT15S";

    /** Refresh the access token this long before it expires: the 60 s all of Prove's server SDKs use. */
    static final String DEFAULT_TOKEN_REFRESH_AHEAD = "PT60S";

    private ProveEnvironment environment;
    private URI baseUri;
    private String clientId;
    private String clientSecret;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration tokenRefreshAhead;

    /** For the CDI client proxy only. */
    protected ProveApiConfig() {
    }

    @Inject
    public ProveApiConfig(
            @ConfigProperty(name = ENVIRONMENT, defaultValue = DEFAULT_ENVIRONMENT) String environment,
            @ConfigProperty(name = BASE_URL) Optional<String> baseUrl,
            @ConfigProperty(name = CLIENT_ID) Optional<String> clientId,
            @ConfigProperty(name = CLIENT_SECRET) Optional<String> clientSecret,
            @ConfigProperty(name = CONNECT_TIMEOUT, defaultValue = DEFAULT_CONNECT_TIMEOUT) String connectTimeout,
            @ConfigProperty(name = READ_TIMEOUT, defaultValue = DEFAULT_READ_TIMEOUT) String readTimeout,
            @ConfigProperty(name = TOKEN_REFRESH_AHEAD, defaultValue = DEFAULT_TOKEN_REFRESH_AHEAD)
            String tokenRefreshAhead) {
        this.environment = environment(environment);
        this.baseUri = baseUrl.filter(url -> !url.isBlank()).map(ProveApiConfig::baseUri)
                .orElse(this.environment.baseUri());
        this.clientId = clientId.filter(value -> !value.isBlank()).orElse(null);
        this.clientSecret = clientSecret.filter(value -> !value.isBlank()).orElse(null);
        this.connectTimeout = positive(CONNECT_TIMEOUT, connectTimeout);
        this.readTimeout = positive(READ_TIMEOUT, readTimeout);
        this.tokenRefreshAhead = duration(TOKEN_REFRESH_AHEAD, tokenRefreshAhead);
        if (this.tokenRefreshAhead.isNegative()) {
            throw new ProveConfigurationException(TOKEN_REFRESH_AHEAD + " must not be negative");
        }
    }

    /**
     * Reads the settings when the application starts, so a malformed value stops the deployment and missing
     * credentials are reported at once (as a warning: the rest of the gateway, e.g. health checks, still runs).
     */
    void checkAtStartup(@Observes Startup startup) {
        List<String> missing = missingKeys();
        if (!missing.isEmpty()) {
            LOG.warning(() -> "Prove API calls will fail until these are configured: " + String.join(", ", missing));
        }
    }

    /** Required keys that have no value (names only); empty when Prove can be called. For a readiness check. */
    public List<String> missingKeys() {
        List<String> missing = new ArrayList<>();
        if (clientId == null) {
            missing.add(CLIENT_ID);
        }
        if (clientSecret == null) {
            missing.add(CLIENT_SECRET);
        }
        return List.copyOf(missing);
    }

    /** The configured environment; {@link #baseUri()} may still point elsewhere (the emulator). */
    public ProveEnvironment environment() {
        return environment;
    }

    /** {@code prove.api.base-url} when set (without trailing slash), else the environment's host. */
    public URI baseUri() {
        return baseUri;
    }

    public String clientId() {
        return required(CLIENT_ID, clientId);
    }

    public String clientSecret() {
        return required(CLIENT_SECRET, clientSecret);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration tokenRefreshAhead() {
        return tokenRefreshAhead;
    }

    private static String required(String key, String value) {
        if (value == null) {
            throw new ProveConfigurationException("Missing required configuration property '" + key + "'");
        }
        return value;
    }

    private static ProveEnvironment environment(String name) {
        try {
            return ProveEnvironment.of(name);
        } catch (IllegalArgumentException e) {
            throw new ProveConfigurationException("Invalid " + ENVIRONMENT + ": " + e.getMessage());
        }
    }

    private static URI baseUri(String url) {
        String trimmed = url.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new ProveConfigurationException(BASE_URL + " must be an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ProveConfigurationException(BASE_URL + " is not a valid URL");
        }
    }

    private static Duration positive(String key, String text) {
        Duration value = duration(key, text);
        if (value.isZero() || value.isNegative()) {
            throw new ProveConfigurationException(key + " must be positive, e.g. PT5S");
        }
        return value;
    }

    private static Duration duration(String key, String text) {
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ProveConfigurationException(key + " must be an ISO-8601 duration such as PT15S, was '"
                    + text + "'");
        }
    }
}
