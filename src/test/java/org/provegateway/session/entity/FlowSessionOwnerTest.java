package org.provegateway.session.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class FlowSessionOwnerTest {

    static FlowSession flow() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        return FlowSession.identity("corr-1", "mobile", "+12001004009", "req-1", now, now.plusSeconds(900));
    }

    @Test
    void onlyTheStarterSeesItsFlow() {
        FlowSession flow = flow();
        flow.recordStarter("bank-a");
        assertThat(flow.isVisibleTo("bank-a")).isTrue();
        assertThat(flow.isVisibleTo("bank-b")).isFalse();
        assertThat(flow.isVisibleTo("BANK-A")).as("names are compared exactly").isFalse();
    }

    @Test
    void theStarterIsRecordedOnce() {
        FlowSession flow = flow();
        flow.recordStarter("bank-a");
        assertThatThrownBy(() -> flow.recordStarter("bank-b")).isInstanceOf(IllegalStateException.class);
        assertThat(flow.startedBy()).contains("bank-a");
    }

    @Test
    void aFlowFromBeforeOwnershipIsOpenToEveryCaller() {
        assertThat(flow().isVisibleTo("anyone")).isTrue();
    }
}
