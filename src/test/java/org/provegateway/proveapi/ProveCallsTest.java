package org.provegateway.proveapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class ProveCallsTest {

    @Test
    void outcomesAreFixedWordsWithoutRequestData() {
        assertThat(ProveCalls.outcome(null)).isEqualTo("success");
        assertThat(ProveCalls.outcome(new CircuitBreakerOpenException("+12001004014"))).isEqualTo("circuit_open");
        assertThat(ProveCalls.outcome(new BulkheadException())).isEqualTo("bulkhead_full");
        assertThat(ProveCalls.outcome(new TimeoutException())).isEqualTo("timeout");
        assertThat(ProveCalls.outcome(new ProveConfigurationException("x"))).isEqualTo("not_configured");
        assertThat(ProveCalls.outcome(new IllegalStateException("x"))).isEqualTo("error");
    }
}
