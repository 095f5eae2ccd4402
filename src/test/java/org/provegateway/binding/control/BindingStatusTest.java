package org.provegateway.binding.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.provegateway.binding.entity.KeyBinding;

class BindingStatusTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static KeyBinding bound(String device, Duration ago) {
        return new KeyBinding(device, "+12001004014", null, null, NOW.minus(ago));
    }

    @Test
    void eachStateHasItsStatus() {
        assertThat(BindingStatus.of(bound("a", Duration.ofDays(1)), NOW)).isEqualTo(BindingStatus.ACTIVE);
        assertThat(BindingStatus.of(bound("a", Duration.ofDays(366)), NOW))
                .isEqualTo(BindingStatus.DUE_FOR_DEACTIVATION);
        KeyBinding stale = bound("a", Duration.ofDays(400));
        stale.markStale(NOW);
        assertThat(BindingStatus.of(stale, NOW)).as("a stale key needs a rebind first").isEqualTo(BindingStatus.STALE);
        KeyBinding revoked = bound("a", Duration.ofDays(1));
        revoked.revoke(NOW);
        assertThat(BindingStatus.of(revoked, NOW)).isEqualTo(BindingStatus.REVOKED);
        KeyBinding superseded = bound("a", Duration.ofDays(1));
        superseded.supersede(NOW);
        assertThat(BindingStatus.of(superseded, NOW).label()).isEqualTo("SUPERSEDED");
        KeyBinding deactivated = bound("a", Duration.ofDays(1));
        deactivated.deactivate(NOW);
        assertThat(BindingStatus.of(deactivated, NOW).label()).isEqualTo("DEACTIVATED");
    }

    @Test
    void theBestLiveBindingDecidesThenTheLastEnded() {
        KeyBinding active = bound("active", Duration.ofDays(3));
        KeyBinding idle = bound("idle", Duration.ofDays(400));
        KeyBinding stale = bound("stale", Duration.ofDays(1));
        stale.markStale(NOW);
        KeyBinding revoked = bound("revoked", Duration.ofDays(2));
        revoked.revoke(NOW.minus(Duration.ofDays(1)));
        KeyBinding deactivated = bound("deactivated", Duration.ofDays(500));
        deactivated.deactivate(NOW.minus(Duration.ofDays(5)));

        assertThat(BindingStatus.decisive(List.of(revoked, stale, idle, active), NOW)).contains(active);
        assertThat(BindingStatus.decisive(List.of(revoked, stale, idle), NOW)).contains(idle);
        assertThat(BindingStatus.decisive(List.of(revoked, stale), NOW)).contains(stale);
        assertThat(BindingStatus.decisive(List.of(deactivated, revoked), NOW)).as("revoked last").contains(revoked);
        assertThat(BindingStatus.decisive(List.of(), NOW)).isEmpty();
    }
}
