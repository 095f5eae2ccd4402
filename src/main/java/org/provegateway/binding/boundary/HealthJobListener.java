package org.provegateway.binding.boundary;

import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Logger;

import org.provegateway.binding.control.BindingHealthRuns;
import org.provegateway.binding.control.BindingMetrics;
import org.provegateway.binding.entity.BindingHealthRun;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Keeps the run row in step with the batch execution: records the execution when it begins; when it ends, marks
 * the run completed or failed (with the error's kind only: database messages can quote a row, i.e. personal
 * data), counts it in the metrics, and frees the cluster lock; all of that only while this execution's claim still
 * holds the lock (otherwise another node has taken the run over).
 */
@Named("bindingHealthListener")
@Dependent
public class HealthJobListener implements JobListener {

    private static final Logger LOG = Logger.getLogger(HealthJobListener.class.getName());

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    @BatchProperty(name = "claim")
    String claim;

    @Inject
    JobContext job;

    @Inject
    BindingHealthRuns runs;

    @Inject
    BindingMetrics metrics;

    @Inject
    Clock clock;

    @Override
    public void beforeJob() {
        runs.executing(runId, job.getExecutionId(), clock.instant());
    }

    @Override
    public void afterJob() {
        String failure = job.getTransientUserData() instanceof String why ? why
                : job.getBatchStatus() == BatchStatus.FAILED || job.getBatchStatus() == BatchStatus.STOPPED
                        ? "batch status " + job.getBatchStatus() : null;
        try {
            runs.finish(runId, claim, failure, clock.instant()).ifPresentOrElse(run -> {
                metrics.bindingHealthRun(run.status().name());
                LOG.info(() -> "binding-health run " + runId + " " + run.status() + ": " + run.checked()
                        + " checked, " + run.deactivated() + " deactivated, " + run.warned() + " warned"
                        + (failure == null ? "" : " (" + failure + ")"));
            }, () -> LOG.warning(() -> "binding-health run " + runId + ": this node's execution ended after its"
                    + " lease on the cluster lock ran out and another node claimed it; that node continues the run"));
        } finally {
            runs.releaseLock(claim); // when finishing failed; nothing to do otherwise
        }
    }

    /** The exception's chain of types and SQL states, never its messages. */
    static String describe(Exception failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 180; t = t.getCause() == t ? null : t.getCause()) {
            if (text.length() > 0) {
                text.append(" < ");
            }
            text.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                text.append('[').append(sql.getSQLState()).append(']');
            }
        }
        return text.toString();
    }
}
