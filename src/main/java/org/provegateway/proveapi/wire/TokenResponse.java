package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbProperty;

/** Answer of {@code POST /token} (OAuth 2.0 client credentials). Refresh fields are "not currently supported". */
public record TokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") Long expiresIn,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("refresh_expires_in") Long refreshExpiresIn) {

    @Override
    public String toString() {
        return "TokenResponse[accessToken=" + Redacted.mask(accessToken) + ", tokenType=" + tokenType
                + ", expiresIn=" + expiresIn + ", refreshToken=" + Redacted.mask(refreshToken)
                + ", refreshExpiresIn=" + refreshExpiresIn + "]";
    }
}
