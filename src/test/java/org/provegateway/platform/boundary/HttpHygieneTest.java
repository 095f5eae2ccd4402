package org.provegateway.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HttpHygieneTest {

    @Test
    void hostNamesAddressesAndPortsAreValidHosts() {
        assertThat(List.of("localhost", "localhost:9080", "gateway.bank.example", "gateway.bank.example.",
                "10.0.0.7:443", "[::1]", "[2001:db8::1]:9443", "prove_gateway:9080", "a"))
                .allMatch(HttpHygiene::validHost);
    }

    @Test
    void spacesMarkupEscapesUserInfoAndBadPortsAreNot() {
        assertThat(List.of("", "a b", "<script>x</script>", "%zz", "evil.com:99999", "user@host", "host:",
                "host:port", "-host", "host/path", "[::1", "a\tb", "h\u00e9st", "x".repeat(64) + ".example"))
                .noneMatch(HttpHygiene::validHost);
    }

    @Test
    void oneLengthOrChunkedIsFine() {
        assertThat(HttpHygiene.framing(List.of(), List.of())).isEmpty();
        assertThat(HttpHygiene.framing(List.of("12"), List.of())).isEmpty();
        assertThat(HttpHygiene.framing(List.of("12", "12"), List.of())).isEmpty();
        assertThat(HttpHygiene.framing(List.of(), List.of("chunked"))).isEmpty();
        assertThat(HttpHygiene.framing(List.of(), List.of("Chunked "))).isEmpty();
    }

    @Test
    void ambiguousFramingIsRefused() {
        assertThat(HttpHygiene.framing(List.of("12", "5"), List.of())).isPresent();
        assertThat(HttpHygiene.framing(List.of("12, 5"), List.of())).isPresent();
        assertThat(HttpHygiene.framing(List.of("-1"), List.of())).isPresent();
        assertThat(HttpHygiene.framing(List.of("0x10"), List.of())).isPresent();
        assertThat(HttpHygiene.framing(List.of("4"), List.of("chunked"))).isPresent();
        assertThat(HttpHygiene.framing(List.of(), List.of("xchunked"))).isPresent();
        assertThat(HttpHygiene.framing(List.of(), List.of("gzip, chunked"))).isPresent();
        assertThat(HttpHygiene.framing(List.of(), List.of("chunked", "chunked"))).isPresent();
    }
}
