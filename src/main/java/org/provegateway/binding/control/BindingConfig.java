package org.provegateway.binding.control;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Settings of the binding registry's batch API: the bulk check and the change feed. */
@ApplicationScoped
public class BindingConfig {

    /**
     * Most phone numbers or customer references one bulk check takes (the contract with batch callers: 10,000). The
     * request is held in memory while it is answered, so this also bounds a request's memory.
     */
    @Inject
    @ConfigProperty(name = "bindings.bulk-check.max-items", defaultValue = "10000")
    int bulkCheckMaxItems;

    /**
     * Items looked up per database query (one SQL {@code IN} list, in its own short transaction). 500 keeps each
     * statement far below every driver's parameter limit (PostgreSQL: 32,767) and each round trip's result small,
     * while 10,000 items still need only 20 queries.
     */
    @Inject
    @ConfigProperty(name = "bindings.bulk-check.chunk-size", defaultValue = "500")
    int bulkCheckChunkSize;

    /** Changes per change-feed page when the caller gives no {@code limit}. */
    @Inject
    @ConfigProperty(name = "bindings.changes.default-limit", defaultValue = "100")
    int changesDefaultLimit;

    /**
     * Most changes per change-feed page: a page is built in memory (with each change's binding), so it stays small;
     * a batch job catching up reads pages back to back.
     */
    @Inject
    @ConfigProperty(name = "bindings.changes.max-limit", defaultValue = "1000")
    int changesMaxLimit;

    public int bulkCheckMaxItems() {
        return bulkCheckMaxItems;
    }

    public int bulkCheckChunkSize() {
        return bulkCheckChunkSize;
    }

    public int changesDefaultLimit() {
        return changesDefaultLimit;
    }

    public int changesMaxLimit() {
        return changesMaxLimit;
    }
}
