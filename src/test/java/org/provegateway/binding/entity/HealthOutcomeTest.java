package org.provegateway.binding.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class HealthOutcomeTest {

    static final Instant AS_OF = Instant.parse("2026-06-15T12:00:00Z");
    static final Duration WINDOW = Duration.ofDays(30);

    @Test
    void unusedFor12CalendarMonthsIsDeactivatedExactlyAtTheDeadline() {
        assertThat(HealthOutcome.of(Instant.parse("2025-06-15T12:00:00Z"), null, AS_OF, WINDOW))
                .isEqualTo(HealthOutcome.DEACTIVATED);
        assertThat(HealthOutcome.of(Instant.parse("2025-06-15T12:00:01Z"), null, AS_OF, WINDOW))
                .isEqualTo(HealthOutcome.WARNED);
    }

    @Test
    void insideTheWindowIsWarnedOnceUntilUsedAgain() {
        Instant lastUsed = Instant.parse("2025-07-01T00:00:00Z"); // due 2026-07-01, 16 days after asOf
        assertThat(HealthOutcome.of(lastUsed, null, AS_OF, WINDOW)).isEqualTo(HealthOutcome.WARNED);
        assertThat(HealthOutcome.of(lastUsed, Instant.parse("2026-06-10T00:00:00Z"), AS_OF, WINDOW))
                .isEqualTo(HealthOutcome.ALREADY_WARNED);
        // warned before the key was last used: that warning is void
        assertThat(HealthOutcome.of(lastUsed, Instant.parse("2025-06-01T00:00:00Z"), AS_OF, WINDOW))
                .isEqualTo(HealthOutcome.WARNED);
    }

    @Test
    void outsideTheWindowIsUnchanged() {
        assertThat(HealthOutcome.of(Instant.parse("2025-07-15T12:00:01Z"), null, AS_OF, WINDOW))
                .isEqualTo(HealthOutcome.UNCHANGED);
        assertThat(HealthOutcome.of(Instant.parse("2025-07-15T12:00:00Z"), null, AS_OF, WINDOW))
                .as("exactly at the window's start").isEqualTo(HealthOutcome.WARNED);
        assertThat(HealthOutcome.of(AS_OF.minusSeconds(60), null, AS_OF, WINDOW)).isEqualTo(HealthOutcome.UNCHANGED);
    }
}
