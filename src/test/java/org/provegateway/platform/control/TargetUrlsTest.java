package org.provegateway.platform.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.provegateway.platform.control.TargetUrls.Policy;

class TargetUrlsTest {

    static final Policy PRODUCTION = new Policy(List.of("www.bank.example", " *.landing.bank.example "), false);
    static final Policy DEMO = new Policy(List.of("localhost", "www.example.com"), true);

    static void refused(String url, Policy policy, String why) {
        assertThatThrownBy(() -> TargetUrls.check(url, policy)).as(url).isInstanceOf(GatewayException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(
                        ((GatewayException) e).fieldErrors().get(0).message()).contains(why).doesNotContain(url));
    }

    static void allowed(String url, Policy policy) {
        assertThatCode(() -> TargetUrls.check(url, policy)).as(url).doesNotThrowAnyException();
    }

    @Test
    void httpsToAnAllowedHostOnly() {
        allowed("https://www.bank.example/done", PRODUCTION);
        allowed("https://WWW.Bank.Example/done", PRODUCTION);
        allowed("https://eu.landing.bank.example/done", PRODUCTION);
        refused("https://landing.bank.example/done", PRODUCTION, "allowed-hosts");
        refused("https://www.bank.example.evil.test/done", PRODUCTION, "allowed-hosts");
        refused("https://evilwww.bank.example/x", PRODUCTION, "allowed-hosts");
        refused("https://evil.test/x", PRODUCTION, "allowed-hosts");
    }

    @Test
    void plainHttpOnlyToLocalhostAndOnlyWhereAllowed() {
        refused("http://www.bank.example/done", PRODUCTION, "https");
        refused("http://localhost/done", PRODUCTION, "https");
        allowed("http://localhost:9080/done", DEMO);
        refused("http://www.example.com/done", DEMO, "https");
        allowed("https://www.example.com/landing-page", DEMO);
    }

    @Test
    void otherSchemesAndTricksAreRefused() {
        refused("javascript:alert(1)", PRODUCTION, "only letters");
        refused("javascript:alert", PRODUCTION, "absolute");
        refused("ftp://www.bank.example/x", PRODUCTION, "https");
        refused("https:/www.bank.example/x", PRODUCTION, "absolute");
        refused("//www.bank.example/x", PRODUCTION, "absolute");
        refused("https://x.com/<b>", PRODUCTION, "only letters");
    }

    @Test
    void anEmptyListAdmitsAnyHttpsHost() {
        allowed("https://anything.test/x", new Policy(List.of(), false));
        refused("http://anything.test/x", new Policy(List.of(), false), "https");
    }
}
