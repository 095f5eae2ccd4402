package org.provegateway.proveapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.provegateway.proveapi.client.ProveClients;
import org.provegateway.proveapi.client.ProveTokenClient;
import org.provegateway.proveapi.client.ProveV3Client;
import org.provegateway.proveapi.wire.CompleteRequest;
import org.provegateway.proveapi.wire.CompleteResponse;
import org.provegateway.proveapi.wire.DeviceRevokeRequest;
import org.provegateway.proveapi.wire.DeviceRevokeResponse;
import org.provegateway.proveapi.wire.StartRequest;
import org.provegateway.proveapi.wire.StartResponse;
import org.provegateway.proveapi.wire.UnifyBindRequest;
import org.provegateway.proveapi.wire.UnifyBindResponse;
import org.provegateway.proveapi.wire.UnifyRequest;
import org.provegateway.proveapi.wire.UnifyResponse;
import org.provegateway.proveapi.wire.UnifyStatusRequest;
import org.provegateway.proveapi.wire.UnifyStatusResponse;
import org.provegateway.proveapi.wire.ValidateRequest;
import org.provegateway.proveapi.wire.ValidateResponse;

/**
 * The gateway's one entry point to Prove: one method per operation, taking and returning Prove's wire records.
 * Each call carries a cached bearer token; when Prove answers 401 the token is evicted and the call is repeated
 * exactly once with a fresh token (a 401 means Prove did not process the request, so repeating it is safe);
 * a second 401 evicts that token too and propagates.
 *
 * <p>Every failure is a {@link ProveApiException}: {@link ProveHttpException} subtypes for error answers,
 * {@link ProveUnavailableException} when there was no usable answer. Nothing else is retried here: fault
 * tolerance annotations ({@code @Timeout}, {@code @Retry}, {@code @CircuitBreaker}) belong on these public
 * methods, with {@link ProveApiException#isTransient()} telling which failures may pass. Repeating
 * {@link #unify} or {@link #start} after a read timeout can send the user a second SMS.
 */
@ApplicationScoped
public class ProveApi {

    private static final String BEARER = "Bearer ";

    private ProveV3Client client;
    private TokenProvider tokens;

    /** For the CDI client proxy only. */
    protected ProveApi() {
    }

    @Inject
    public ProveApi(ProveApiConfig config, ProveClients clients) {
        this(clients.v3Client(), new TokenProvider(clientCredentials(config, clients.tokenClient()),
                Clock.systemUTC(), config.tokenRefreshAhead()));
    }

    ProveApi(ProveV3Client client, TokenProvider tokens) {
        this.client = Objects.requireNonNull(client, "client");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** {@code POST /v3/unify}: starts a possession check; {@code success} is {@code "pending"}. */
    public UnifyResponse unify(UnifyRequest request) {
        return authorized("unify", request, auth -> client.unify(auth, request));
    }

    /** {@code POST /v3/unify-status}: result of the possession check. */
    public UnifyStatusResponse unifyStatus(UnifyStatusRequest request) {
        return authorized("unify-status", request, auth -> client.unifyStatus(auth, request));
    }

    /** {@code POST /v3/unify-bind}: binds the Prove Key after the integrator's own possession check. */
    public UnifyBindResponse unifyBind(UnifyBindRequest request) {
        return authorized("unify-bind", request, auth -> client.unifyBind(auth, request));
    }

    /** {@code POST /v3/device/revoke}: deactivates a Prove Key. */
    public DeviceRevokeResponse revokeDevice(DeviceRevokeRequest request) {
        return authorized("device/revoke", request, auth -> client.revokeDevice(auth, request));
    }

    /** {@code POST /v3/start}: starts a Prove Identity / Pre-Fill flow. */
    public StartResponse start(StartRequest request) {
        return authorized("start", request, auth -> client.start(auth, request));
    }

    /** {@code POST /v3/validate}: result of the phone possession step. */
    public ValidateResponse validate(ValidateRequest request) {
        return authorized("validate", request, auth -> client.validate(auth, request));
    }

    /** {@code POST /v3/complete}: verifies the individual. */
    public CompleteResponse complete(CompleteRequest request) {
        return authorized("complete", request, auth -> client.complete(auth, request));
    }

    private <T> T authorized(String operation, Object request, Function<String, T> call) {
        Objects.requireNonNull(request, "request");
        String token = tokens.token();
        try {
            return invoke(operation, () -> call.apply(BEARER + token));
        } catch (ProveUnauthorizedException rejected) {
            tokens.evict(token);
            String fresh = tokens.token();
            try {
                return invoke(operation, () -> call.apply(BEARER + fresh));
            } catch (ProveUnauthorizedException again) {
                tokens.evict(fresh);
                throw again;
            }
        }
    }

    private static TokenSource clientCredentials(ProveApiConfig config, ProveTokenClient tokenClient) {
        return () -> invoke("token", () -> tokenClient.token(ProveTokenClient.CLIENT_CREDENTIALS,
                config.clientId(), config.clientSecret()));
    }

    /**
     * Runs a REST client call, turning transport failures ({@link ProcessingException}: refused, timed out,
     * dropped, unreadable) and a 2xx without a body into {@link ProveUnavailableException}. Some REST client implementations wrap the
     * exception built by the response mapper in a {@link ProcessingException}; that one is unwrapped.
     */
    static <T> T invoke(String operation, Supplier<T> call) {
        T answer;
        try {
            answer = call.get();
        } catch (ProcessingException e) {
            if (e.getCause() instanceof ProveApiException mapped) {
                throw mapped;
            }
            throw new ProveUnavailableException(operation, e);
        }
        if (answer == null) {
            throw new ProveUnavailableException(operation, "empty body");
        }
        return answer;
    }
}
