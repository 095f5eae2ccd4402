package org.provegateway.platform.control;

import java.time.Duration;

import org.eclipse.microprofile.config.Config;

/**
 * How one component's purge timer runs ({@code <prefix>.interval}, {@code <prefix>.batch-size},
 * {@code <prefix>.max-duration}), read the same way for every component so that the holders do not repeat it. The
 * defaults are in {@code META-INF/microprofile-config.properties}; {@link BatchedPurge} says what each one does.
 *
 * @param interval    how often a run starts
 * @param batchSize   rows deleted per transaction
 * @param maxDuration how long one run may go on, batch after batch, before it leaves the rest to the next run
 */
public record PurgeSettings(Duration interval, int batchSize, Duration maxDuration) {

    public PurgeSettings {
        if (interval.isNegative() || interval.isZero() || maxDuration.isNegative() || maxDuration.isZero()
                || batchSize < 1) {
            throw new IllegalArgumentException("purge interval and max-duration must be positive, batch-size at least 1");
        }
    }

    /** The settings under {@code prefix} (e.g. {@code session.purge}). */
    public static PurgeSettings read(Config config, String prefix) {
        try {
            return new PurgeSettings(config.getValue(prefix + ".interval", Duration.class),
                    config.getValue(prefix + ".batch-size", Integer.class),
                    config.getValue(prefix + ".max-duration", Duration.class));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + ".*: " + e.getMessage(), e);
        }
    }
}
