package org.provegateway.proveapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProveHttpExceptionTest {

    @Test
    void statusSelectsTheType() {
        assertThat(ProveHttpException.of(400, null, null, null)).isInstanceOf(ProveBadRequestException.class);
        assertThat(ProveHttpException.of(401, null, null, null)).isInstanceOf(ProveUnauthorizedException.class);
        assertThat(ProveHttpException.of(403, null, null, null)).isInstanceOf(ProveForbiddenException.class);
        assertThat(ProveHttpException.of(404, null, null, null)).isInstanceOf(ProveNotFoundException.class);
        assertThat(ProveHttpException.of(429, null, null, null)).isInstanceOf(ProveRateLimitedException.class);
        assertThat(ProveHttpException.of(502, null, null, null)).isInstanceOf(ProveServerException.class);
        assertThat(ProveHttpException.of(409, null, null, null)).isInstanceOf(ProveServerException.class)
                .extracting(ProveHttpException::status).isEqualTo(409);
    }

    @Test
    void transientOnlyForRateLimitAnd5xx() {
        assertThat(ProveHttpException.of(429, null, null, null).isTransient()).isTrue();
        assertThat(ProveHttpException.of(503, null, null, null).isTransient()).isTrue();
        assertThat(ProveHttpException.of(400, null, null, null).isTransient()).isFalse();
        assertThat(ProveHttpException.of(409, null, null, null).isTransient()).isFalse();
    }

    @Test
    void predicatesMatchProveCodes() {
        assertThat(ProveHttpException.of(400, 1001, null, null).isInvalidRequest()).isTrue();
        assertThat(ProveHttpException.of(403, 1003, null, null).isStepNotAllowed()).isTrue();
        assertThat(ProveHttpException.of(400, 8001, null, null).isMalformedRequest()).isTrue();
        assertThat(ProveHttpException.of(401, 8002, null, null).isNotAuthorized()).isTrue();
        assertThat(ProveHttpException.of(400, 8007, null, null).isSandboxUserNotFound()).isTrue();
        assertThat(ProveHttpException.of(400, 8008, null, null).isInvalidCorrelationId()).isTrue();
        assertThat(ProveHttpException.of(400, 8019, null, null).isDeviceRevoked()).isTrue();
        assertThat(ProveHttpException.of(400, 8019, null, null).isInvalidRequest()).isFalse();
        assertThat(ProveHttpException.of(400, null, null, null).isDeviceRevoked()).isFalse();
        assertThat(ProveErrorCode.of(8019)).contains(ProveErrorCode.DEVICE_REVOKED);
        assertThat(ProveErrorCode.of(4242)).isEmpty();
    }

    @Test
    void messageCarriesStatusCodeAndProveMessageOnOneShortLine() {
        ProveHttpException e = ProveHttpException.of(400, 1001, "field 'flowType'\nis missing",
                Duration.ofSeconds(3));

        assertThat(e).hasMessage("Prove API answered HTTP 400 code 1001: field 'flowType' is missing");
        assertThat(e.proveMessage()).contains("field 'flowType' is missing");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(ProveHttpException.of(500, null, "x".repeat(1000), null).getMessage()).hasSizeLessThan(260);
    }
}
