package org.provegateway.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.provegateway.sandbox.auth.AccessTokens;
import org.provegateway.sandbox.auth.ClientCredentials;
import org.provegateway.sandbox.auth.RateLimiter;
import org.provegateway.sandbox.calls.CallRecorder;
import org.provegateway.sandbox.calls.Faults;
import org.provegateway.sandbox.flows.Flows;
import org.provegateway.sandbox.keys.ProveKeys;
import org.provegateway.sandbox.platform.Settings;
import org.provegateway.sandbox.users.TestUsers;

/**
 * Creates the emulator's application-wide state once. The state classes are plain Java (constructor arguments, no
 * CDI), so they can be unit-tested; {@code @Singleton} producers hand out the one instance without client proxies.
 *
 * <p>MicroProfile Config keys (all optional): {@code sandbox.client-id}, {@code sandbox.client-secret},
 * {@code sandbox.flow-ttl-seconds}, {@code sandbox.token-ttl-seconds}, {@code sandbox.rate-limit-per-second}.
 */
@ApplicationScoped
public class SandboxWiring {

    @Inject
    @ConfigProperty(name = "sandbox.client-id", defaultValue = "demo-client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "sandbox.client-secret", defaultValue = "demo-client-secret")
    String clientSecret;

    @Inject
    @ConfigProperty(name = "sandbox.flow-ttl-seconds", defaultValue = "900")
    int flowTtlSeconds;

    @Inject
    @ConfigProperty(name = "sandbox.token-ttl-seconds", defaultValue = "3600")
    int tokenTtlSeconds;

    @Inject
    @ConfigProperty(name = "sandbox.rate-limit-per-second", defaultValue = "25")
    int rateLimitPerSecond;

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ClientCredentials credentials() {
        return new ClientCredentials(clientId, clientSecret);
    }

    @Produces
    @Singleton
    Settings settings() {
        return new Settings(new Settings.Values(flowTtlSeconds, tokenTtlSeconds, rateLimitPerSecond));
    }

    @Produces
    @Singleton
    AccessTokens accessTokens(Settings settings, Clock clock) {
        return new AccessTokens(settings, clock);
    }

    @Produces
    @Singleton
    RateLimiter rateLimiter(Settings settings, Clock clock) {
        return new RateLimiter(settings, clock);
    }

    @Produces
    @Singleton
    Flows flows(Settings settings, Clock clock) {
        return new Flows(settings, clock);
    }

    @Produces
    @Singleton
    ProveKeys proveKeys() {
        return new ProveKeys();
    }

    @Produces
    @Singleton
    TestUsers testUsers() {
        return new TestUsers();
    }

    @Produces
    @Singleton
    Faults faults() {
        return new Faults();
    }

    @Produces
    @Singleton
    CallRecorder callRecorder() {
        return new CallRecorder();
    }
}
