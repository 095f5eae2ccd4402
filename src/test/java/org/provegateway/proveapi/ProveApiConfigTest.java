package org.provegateway.proveapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProveApiConfigTest {

    private static ProveApiConfig config(String environment, String baseUrl) {
        return new ProveApiConfig(environment, Optional.ofNullable(baseUrl), Optional.of("client-id"),
                Optional.of("s3cr3t-value"), ProveApiConfig.DEFAULT_CONNECT_TIMEOUT,
                ProveApiConfig.DEFAULT_READ_TIMEOUT, ProveApiConfig.DEFAULT_TOKEN_REFRESH_AHEAD);
    }

    @Test
    void defaultsAreUatUsWithFiveAndFifteenSecondTimeouts() {
        ProveApiConfig config = config(ProveApiConfig.DEFAULT_ENVIRONMENT, null);

        assertThat(config.environment()).isEqualTo(ProveEnvironment.UAT_US);
        assertThat(config.baseUri()).isEqualTo(URI.create("https://platform.uat.proveapis.com"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.tokenRefreshAhead()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.clientId()).isEqualTo("client-id");
        assertThat(config.clientSecret()).isEqualTo("s3cr3t-value");
    }

    @Test
    void environmentSelectsTheHost() {
        assertThat(config("prod-us", null).baseUri()).hasToString("https://platform.proveapis.com");
        assertThat(config("uat-eu", null).baseUri()).hasToString("https://platform.uat.eu.proveapis.com");
        assertThat(config("PROD-EU", null).baseUri()).hasToString("https://platform.eu.proveapis.com");
    }

    @Test
    void anExplicitBaseUrlWinsOverTheEnvironment() {
        ProveApiConfig config = config("prod-eu", "http://localhost:9080/prove-sandbox/");

        assertThat(config.baseUri()).hasToString("http://localhost:9080/prove-sandbox");
        assertThat(config.environment()).isEqualTo(ProveEnvironment.PROD_EU);
    }

    @Test
    void anUnknownEnvironmentNamesTheKeyAndTheChoices() {
        assertThatThrownBy(() -> config("staging", null))
                .isInstanceOf(ProveConfigurationException.class)
                .hasMessageContaining("prove.api.environment")
                .hasMessageContaining("uat-us, prod-us, uat-eu, prod-eu");
    }

    @Test
    void aRelativeBaseUrlIsRejected() {
        assertThatThrownBy(() -> config("uat-us", "localhost:9080"))
                .isInstanceOf(ProveConfigurationException.class).hasMessageContaining("prove.api.base-url");
    }

    @Test
    void missingCredentialsFailOnFirstUseNamingTheKey() {
        ProveApiConfig config = new ProveApiConfig("uat-us", Optional.empty(), Optional.empty(), Optional.of(" "),
                "PT5S", "PT15S", "PT60S");

        assertThatThrownBy(config::clientId).isInstanceOf(ProveConfigurationException.class)
                .hasMessageContaining("prove.api.client-id");
        assertThatThrownBy(config::clientSecret).isInstanceOf(ProveConfigurationException.class)
                .hasMessageContaining("prove.api.client-secret");
        assertThat(config.missingKeys()).containsExactly("prove.api.client-id", "prove.api.client-secret");
        assertThat(config("uat-us", null).missingKeys()).isEmpty();
    }

    @Test
    void noMessageEverContainsTheSecret() {
        ProveApiConfig config = config("uat-us", null);

        assertThatThrownBy(() -> new ProveApiConfig("nowhere", Optional.empty(), Optional.of("client-id"),
                Optional.of("s3cr3t-value"), "PT5S", "PT15S", "PT60S")).hasMessageNotContaining("s3cr3t-value");
        assertThat(config.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void timeoutsAreParsedAndMustBePositive() {
        ProveApiConfig config = new ProveApiConfig("uat-us", Optional.empty(), Optional.empty(), Optional.empty(),
                "PT2S", "PT0.5S", "PT30S");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.tokenRefreshAhead()).isEqualTo(Duration.ofSeconds(30));

        assertThatThrownBy(() -> new ProveApiConfig("uat-us", Optional.empty(), Optional.empty(), Optional.empty(),
                "PT0S", "PT15S", "PT60S")).hasMessageContaining("prove.api.connect-timeout");
        assertThatThrownBy(() -> new ProveApiConfig("uat-us", Optional.empty(), Optional.empty(), Optional.empty(),
                "PT5S", "15 seconds", "PT60S")).hasMessageContaining("prove.api.read-timeout");
        assertThatThrownBy(() -> new ProveApiConfig("uat-us", Optional.empty(), Optional.empty(), Optional.empty(),
                "PT5S", "PT15S", "-PT1S")).hasMessageContaining("prove.api.token-refresh-ahead");
    }
}
