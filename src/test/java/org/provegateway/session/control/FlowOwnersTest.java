package org.provegateway.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;

import org.junit.jupiter.api.Test;

class FlowOwnersTest {

    static FlowOwners of(Principal caller) {
        FlowOwners owners = new FlowOwners();
        owners.caller = caller;
        return owners;
    }

    @Test
    void aCallerOwnsUnderItsOwnName() {
        assertThat(of(() -> "web-backend").current()).isEqualTo("web-backend");
    }

    @Test
    void noCallerIsTheSystem() {
        assertThat(of(null).current()).isEqualTo(FlowOwners.NO_CALLER);
        assertThat(of(() -> "UNAUTHENTICATED").current()).isEqualTo(FlowOwners.NO_CALLER);
        assertThat(of(() -> {
            throw new IllegalStateException("no request context");
        }).current()).isEqualTo(FlowOwners.NO_CALLER);
    }

    @Test
    void longNamesSharingAPrefixStayTwoOwners() {
        String prefix = "x".repeat(FlowOwners.MAX_STORED_NAME);
        String one = FlowOwners.stored(prefix + "-app-one");
        String two = FlowOwners.stored(prefix + "-app-two");
        assertThat(one).startsWith("sha256:").hasSize(71).isNotEqualTo(two);
        assertThat(FlowOwners.stored(prefix)).isEqualTo(prefix);
    }
}
