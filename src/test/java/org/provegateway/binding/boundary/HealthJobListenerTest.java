package org.provegateway.binding.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provegateway.binding.control.BindingHealthRuns;
import org.provegateway.binding.control.BindingMetrics;
import org.provegateway.binding.entity.BindingHealthRun;
import org.provegateway.binding.entity.BindingHealthRun.Trigger;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;

/**
 * The end of a binding-health execution as seen by the cluster lock: the run is marked and the lock freed under the
 * execution's own claim, never under the run's id, and an execution whose claim was taken over leaves the run alone.
 */
class HealthJobListenerTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    final List<String> calls = new ArrayList<>();
    final List<String> counted = new ArrayList<>();
    final BindingHealthRun run = new BindingHealthRun(Trigger.API, NOW, 30);
    final HealthJobListener listener = new HealthJobListener();
    boolean claimHeld = true;
    RuntimeException finishFails;

    @BeforeEach
    void wire() {
        listener.runId = run.id();
        listener.claim = "claim-of-this-start";
        listener.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        listener.job = (JobContext) Proxy.newProxyInstance(JobContext.class.getClassLoader(),
                new Class<?>[] {JobContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBatchStatus" -> BatchStatus.COMPLETED;
                    case "getExecutionId" -> 1L;
                    default -> null;
                });
        listener.runs = new BindingHealthRuns() {
            @Override
            public Optional<BindingHealthRun> finish(String runId, String claim, String failure, Instant now) {
                calls.add("finish " + runId + " " + claim);
                if (finishFails != null) {
                    throw finishFails;
                }
                if (!claimHeld) {
                    return Optional.empty();
                }
                run.completed(now);
                return Optional.of(run);
            }

            @Override
            public void releaseLock(String claim) {
                calls.add("release " + claim);
            }
        };
        listener.metrics = new BindingMetrics() {
            @Override
            public void bindingHealthRun(String outcome) {
                counted.add(outcome);
            }
        };
    }

    @Test
    void anExecutionThatStillHoldsTheLockFinishesTheRunUnderItsClaim() {
        listener.afterJob();
        assertThat(calls).containsExactly("finish " + run.id() + " claim-of-this-start",
                "release claim-of-this-start");
        assertThat(counted).containsExactly("COMPLETED");
    }

    @Test
    void anExecutionWhoseLockAnotherNodeClaimedLeavesTheRunAlone() {
        claimHeld = false;
        listener.afterJob();
        assertThat(counted).as("not counted: the other node's execution ends the run").isEmpty();
        assertThat(run.status()).isEqualTo(BindingHealthRun.Status.STARTED);
        assertThat(calls).noneMatch(call -> call.contains(" " + run.id() + " ") && call.startsWith("release"));
    }

    @Test
    void aFailureToFinishStillFreesThisClaimsLock() {
        finishFails = new IllegalStateException("database down");
        assertThatThrownBy(listener::afterJob).isSameAs(finishFails);
        assertThat(calls).endsWith("release claim-of-this-start");
    }
}
