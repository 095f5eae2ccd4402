package org.provegateway.proveapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code prove.api.rate-limit*} settings: how fast this gateway node may call Prove ({@link RateLimit}).
 * Every outbound call counts, {@code /token} included.
 */
@ApplicationScoped
public class RateLimitConfig {

    private static final Logger LOG = Logger.getLogger(RateLimitConfig.class.getName());

    public static final String RATE = "prove.api.rate-limit";
    public static final String NODES = "prove.api.rate-limit.nodes";
    public static final String MAX_WAIT = "prove.api.rate-limit.max-wait";
    public static final String MARGIN = "prove.api.rate-limit.margin";

    /** Prove's documented limit: 25 requests per second per client id (HTTP 429 with Retry-After beyond it). */
    static final String DEFAULT_RATE = "25";

    /**
     * Gateway nodes sharing one Prove client id. Prove counts per client id, so each node keeps to its share,
     * {@code rate / nodes} rounded down (at least 1). One node by default; set it to the cluster size.
     */
    static final String DEFAULT_NODES = "1";

    /**
     * The longest a call waits for its turn before it is refused with a 503 and Retry-After. 2 s absorbs a burst
     * of twice the rate (a second of queue) without making a user wait noticeably longer than Prove itself might,
     * and stays far below the calls' 17 s fault-tolerance timeout. Waiting calls hold a slot of the operation's
     * bulkhead, which bounds the queue.
     */
    static final String DEFAULT_MAX_WAIT = "PT2S";

    /**
     * Added to Prove's one-second window, for clocks: {@link RateLimit} already counts each call from its start to
     * its end, so delays on the way do not matter; 50 ms covers Prove's window edges not being exact. Costs 5 % of
     * the rate.
     */
    static final String DEFAULT_MARGIN = "PT0.05S";

    private int rate;
    private int nodes;
    private Duration maxWait;
    private Duration margin;

    /** For the CDI client proxy only. */
    protected RateLimitConfig() {
    }

    @Inject
    public RateLimitConfig(@ConfigProperty(name = RATE, defaultValue = DEFAULT_RATE) int rate,
            @ConfigProperty(name = NODES, defaultValue = DEFAULT_NODES) int nodes,
            @ConfigProperty(name = MAX_WAIT, defaultValue = DEFAULT_MAX_WAIT) Duration maxWait,
            @ConfigProperty(name = MARGIN, defaultValue = DEFAULT_MARGIN) Duration margin) {
        if (rate < 1 || nodes < 1) {
            throw new ProveConfigurationException(RATE + " and " + NODES + " must be at least 1");
        }
        if (maxWait.isNegative() || margin.isNegative()) {
            throw new ProveConfigurationException(MAX_WAIT + " and " + MARGIN + " must not be negative");
        }
        this.rate = rate;
        this.nodes = nodes;
        this.maxWait = maxWait;
        this.margin = margin;
    }

    /** Calls this node may have counted per {@link #window()}: its share of Prove's rate. */
    public int perNode() {
        return Math.max(1, rate / nodes);
    }

    /** Prove's one-second window plus the margin. */
    public Duration window() {
        return Duration.ofSeconds(1).plus(margin);
    }

    public Duration maxWait() {
        return maxWait;
    }

    /** A new limiter with these settings. */
    public RateLimit newLimit() {
        LOG.info(() -> "Prove calls limited to " + perNode() + " per " + window().toMillis() + " ms on this node ("
                + rate + "/s shared by " + nodes + " node(s)), waiting at most " + maxWait.toMillis() + " ms");
        return new RateLimit(perNode(), window(), maxWait);
    }
}
