package org.provegateway.proveapi.client;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.provegateway.proveapi.ProveApiConfig;

/**
 * Builds the two REST clients from {@link ProveApiConfig}, so the environment (or the emulator's URL) is chosen
 * by configuration, not by annotations. Both clients always have connect and read timeouts and map every
 * non-2xx answer with {@link ProveErrorMapper}.
 */
@ApplicationScoped
public class ProveClients {

    /**
     * {@link ProveErrorMapper}'s priority: before every other mapper, in particular the REST client's built-in one
     * (priority {@code Integer.MAX_VALUE}, which would throw WebApplicationException). Because the gateway's mapper
     * handles every non-2xx answer, the built-in one is never reached; it is not switched off with
     * {@code microprofile.rest.client.disable.default.mapper}, which made RESTEasy log a WARNING at every start that
     * no operator could act on.
     */
    static final int ERROR_MAPPER_PRIORITY = 1;

    private static final Logger LOG = Logger.getLogger(ProveClients.class.getName());

    private ProveApiConfig config;
    private ProveTokenClient tokenClient;
    private ProveV3Client v3Client;

    /** For the CDI client proxy only. */
    protected ProveClients() {
    }

    @Inject
    public ProveClients(ProveApiConfig config) {
        this.config = config;
    }

    @PostConstruct
    void build() {
        tokenClient = builder().build(ProveTokenClient.class);
        v3Client = builder().build(ProveV3Client.class);
        LOG.info(() -> "Prove API client targets " + config.baseUri() + " (environment "
                + config.environment().configName() + ")");
    }

    public ProveTokenClient tokenClient() {
        return tokenClient;
    }

    public ProveV3Client v3Client() {
        return v3Client;
    }

    @PreDestroy
    void close() {
        close(tokenClient);
        close(v3Client);
    }

    private RestClientBuilder builder() {
        return RestClientBuilder.newBuilder()
                .baseUri(config.baseUri())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .register(new ProveErrorMapper(), ERROR_MAPPER_PRIORITY);
    }

    private static void close(Object client) {
        if (client instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a Prove REST client failed", e);
            }
        }
    }
}
