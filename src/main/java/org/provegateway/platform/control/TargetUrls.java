package org.provegateway.platform.control;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks a {@code finalTargetUrl} (where Prove's Instant Link sends the customer) against Prove's rules: at most
 * 128 characters of {@code A-Z a-z 0-9 - . _ + = / : ?}, and an absolute http(s) URL.
 */
public final class TargetUrls {

    private static final String URL_CHARACTERS = "[A-Za-z0-9\\-._+=/:?]+";
    private static final String FIELD = "finalTargetUrl";

    private TargetUrls() {
    }

    public static void check(String url) {
        if (url.length() > 128) {
            throw GatewayException.invalidField(FIELD, "must be at most 128 characters");
        }
        if (!url.matches(URL_CHARACTERS)) {
            throw GatewayException.invalidField(FIELD, "may contain only letters, digits and - . _ + = / : ?");
        }
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw GatewayException.invalidField(FIELD, "must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw GatewayException.invalidField(FIELD, "is not a URL");
        }
    }
}
