package org.provegateway.proveapi.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifyOutcomeTest {

    @Test
    void readsEveryDocumentedValue() {
        assertThat(UnifyOutcome.of("true")).isEqualTo(UnifyOutcome.SUCCESS);
        assertThat(UnifyOutcome.of("false")).isEqualTo(UnifyOutcome.FAILURE);
        assertThat(UnifyOutcome.of("pending")).isEqualTo(UnifyOutcome.PENDING);
        assertThat(UnifyOutcome.of("possession_required")).isEqualTo(UnifyOutcome.POSSESSION_REQUIRED);
        assertThat(UnifyOutcome.of(" TRUE ")).isEqualTo(UnifyOutcome.SUCCESS);
    }

    @Test
    void toleratesUnknownAndMissingValues() {
        assertThat(UnifyOutcome.of("maybe_later")).isEqualTo(UnifyOutcome.UNKNOWN);
        assertThat(UnifyOutcome.of("")).isEqualTo(UnifyOutcome.UNKNOWN);
        assertThat(UnifyOutcome.of(null)).isEqualTo(UnifyOutcome.UNKNOWN);
    }
}
