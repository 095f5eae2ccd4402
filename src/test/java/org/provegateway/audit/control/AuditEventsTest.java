package org.provegateway.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.provegateway.platform.control.GatewayException;

class AuditEventsTest {

    @Test
    void timesNeedAnOffset() {
        assertThat(AuditEvents.instant("from", "2026-11-22T00:00:00Z")).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        assertThat(AuditEvents.instant("from", "2026-11-22T01:00:00+01:00"))
                .isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        assertThat(AuditEvents.instant("from", null)).isNull();
        for (String bad : new String[] {"2026-11-22", "2026-11-22T00:00:00", "yesterday", "<script>"}) {
            assertThatThrownBy(() -> AuditEvents.instant("from", bad)).as(bad).isInstanceOf(GatewayException.class)
                    .hasMessageNotContaining(bad);
        }
    }
}
