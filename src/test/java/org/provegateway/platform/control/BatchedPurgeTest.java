package org.provegateway.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.provegateway.platform.control.BatchedPurge.Outcome;
import org.provegateway.platform.control.BatchedPurge.Result;

class BatchedPurgeTest {

    static final PurgeSettings SETTINGS = new PurgeSettings(Duration.ofMinutes(1), 100, Duration.ofSeconds(30));

    @Test
    void repeatsBatchesUntilTheBacklogIsGone() {
        AtomicInteger backlog = new AtomicInteger(1_050);
        Result result = BatchedPurge.loop("test", SETTINGS, size -> {
            int deleted = Math.min(size, backlog.get());
            backlog.addAndGet(-deleted);
            return deleted;
        });
        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.removed()).isEqualTo(1_050);
        assertThat(result.batches()).isEqualTo(11);
        assertThat(backlog).hasValue(0);
    }

    @Test
    void stopsAtItsTimeBoxAndLeavesTheRestToTheNextRun() {
        PurgeSettings box = new PurgeSettings(Duration.ofMinutes(1), 10, Duration.ofMillis(300));
        Result result = BatchedPurge.loop("test", box, size -> {
            busy(20);
            return size; // an endless backlog
        });
        assertThat(result.outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(result.took()).isLessThan(Duration.ofSeconds(5));
        // it paused as long as each batch took: at most about half the time deleting
        assertThat(result.batches()).isBetween(2, 10);
    }

    @Test
    void aFailingBatchEndsTheRunWithWhatWasRemovedSoFar() {
        AtomicInteger calls = new AtomicInteger();
        Result result = BatchedPurge.loop("test", SETTINGS, size -> {
            if (calls.incrementAndGet() == 3) {
                throw new IllegalStateException("database gone");
            }
            return size;
        });
        assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(result.removed()).isEqualTo(200);
    }

    @Test
    void anEmptyTableTakesOneBatch() {
        Result result = BatchedPurge.loop("test", SETTINGS, size -> 0);
        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.batches()).isEqualTo(1);
    }

    private static void busy(long millis) {
        try {
            Thread.sleep(millis); // stands for a delete batch that takes this long
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
