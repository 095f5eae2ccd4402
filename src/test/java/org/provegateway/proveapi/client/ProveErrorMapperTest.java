package org.provegateway.proveapi.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.provegateway.proveapi.ProveBadRequestException;
import org.provegateway.proveapi.ProveForbiddenException;
import org.provegateway.proveapi.ProveHttpException;
import org.provegateway.proveapi.ProveNotFoundException;
import org.provegateway.proveapi.ProveRateLimitedException;
import org.provegateway.proveapi.ProveServerException;
import org.provegateway.proveapi.ProveUnauthorizedException;

class ProveErrorMapperTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private final ProveErrorMapper mapper = new ProveErrorMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void handlesEveryNon2xxStatus() {
        assertThat(mapper.handles(200, null)).isFalse();
        assertThat(mapper.handles(204, null)).isFalse();
        assertThat(mapper.handles(302, null)).isTrue();
        assertThat(mapper.handles(400, null)).isTrue();
        assertThat(mapper.handles(503, null)).isTrue();
    }

    @Test
    void mapsStatusToTypeAndReadsCodeAndMessage() {
        assertThat(map(400, "{\"code\":1001,\"message\":\"field 'flowType' is missing\"}"))
                .isInstanceOf(ProveBadRequestException.class)
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.proveCode()).contains(1001);
                    assertThat(e.proveMessage()).contains("field 'flowType' is missing");
                    assertThat(e.isInvalidRequest()).isTrue();
                });
        assertThat(map(401, "{\"code\":8002,\"message\":\"not authorized\"}"))
                .isInstanceOf(ProveUnauthorizedException.class);
        assertThat(map(403, "{\"code\":1003,\"message\":\"step not allowed\"}"))
                .isInstanceOf(ProveForbiddenException.class)
                .satisfies(e -> assertThat(e.isStepNotAllowed()).isTrue());
        assertThat(map(404, "{\"message\":\"not found\"}")).isInstanceOf(ProveNotFoundException.class)
                .satisfies(e -> assertThat(e.proveCode()).isEmpty());
        assertThat(map(429, "")).isInstanceOf(ProveRateLimitedException.class);
        assertThat(map(500, "{\"code\":1000,\"message\":\"error occurred\"}"))
                .isInstanceOf(ProveServerException.class);
        assertThat(map(400, "{\"code\":8019,\"message\":\"device has been revoked\"}").isDeviceRevoked())
                .isTrue();
    }

    @Test
    void aNonJsonBodyStillGivesATypedException() {
        ProveHttpException e = map(502, "<html><body>Bad Gateway</body></html>");

        assertThat(e).isInstanceOf(ProveServerException.class);
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.proveCode()).isEmpty();
        assertThat(e.proveMessage()).isEmpty();
    }

    @Test
    void anEmptyOrUnreadableBodyStillGivesATypedException() {
        assertThat(mapper.toThrowable(new FakeResponse(503, null))).isInstanceOf(ProveServerException.class);
        assertThat(mapper.toThrowable(new FakeResponse(400, "{}").failingOnRead()))
                .isInstanceOf(ProveBadRequestException.class);
        assertThat(map(400, "[1,2]").proveCode()).isEmpty();
        assertThat(map(400, "{\"code\":\"8008\",\"message\":42}").proveCode()).contains(8008);
    }

    @Test
    void retryAfterInSeconds() {
        ProveHttpException e = mapper.toThrowable(new FakeResponse(429, "").header("Retry-After", "1"));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterAsHttpDate() {
        ProveHttpException e = mapper.toThrowable(
                new FakeResponse(503, "").header("Retry-After", "Fri, 01 May 2026 10:02:00 GMT"));

        assertThat(e.retryAfter()).contains(Duration.ofMinutes(2));
    }

    @Test
    void retryAfterInThePastOrUnparseable() {
        assertThat(mapper.toThrowable(new FakeResponse(429, "")
                .header("Retry-After", "Fri, 01 May 2026 09:00:00 GMT")).retryAfter()).contains(Duration.ZERO);
        assertThat(mapper.toThrowable(new FakeResponse(429, "").header("Retry-After", "soon")).retryAfter())
                .isEmpty();
        assertThat(map(429, "").retryAfter()).isEmpty();
    }

    private ProveHttpException map(int status, String body) {
        return mapper.toThrowable(new FakeResponse(status, body));
    }
}
