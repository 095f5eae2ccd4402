package org.provegateway.binding.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

import org.provegateway.binding.entity.BindingHealthRun;
import org.provegateway.binding.entity.BindingHealthRun.Status;
import org.provegateway.binding.entity.BindingHealthRun.Trigger;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.ProblemType;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Starts the binding-health batch job ({@code META-INF/batch-jobs/binding-health.xml}) and reports on its runs.
 *
 * <p><b>One run at a time across the cluster</b>: a start first claims the {@code job_lock} row; while another
 * run holds it (its lease renewed with every chunk) the start is refused with {@code 409 job-running}.
 *
 * <p><b>Failures</b>: a run that failed part-way (or whose node died) is <em>continued</em> by the next start,
 * from the API or the schedule, if it began less than {@link #CONTINUE_WITHIN} ago: same run id, same
 * {@code asOf}, from the first binding after its last committed chunk, so that it ends in the state an
 * uninterrupted run would have reached and no binding is handled twice or skipped. Within one server lifetime
 * this is a Jakarta Batch restart of the failed execution; after a server restart (the job repository is
 * in memory, see the README) a new execution continues from the run's own checkpoint in the database.
 */
@ApplicationScoped
public class BindingHealthJobs {

    /** The job's XML name. */
    public static final String JOB = "binding-health";

    /**
     * A failed run older than this is not continued; a fresh run starts instead. A day covers a nightly run that
     * failed and is started again the same day, and keeps a continued run's {@code asOf} close to now.
     */
    static final Duration CONTINUE_WITHIN = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(BindingHealthJobs.class.getName());

    @Inject
    BindingHealthRuns runs;

    @Inject
    BindingHealthConfig config;

    @Inject
    Clock clock;

    /**
     * Starts a run, or continues the latest one if it failed.
     *
     * @throws GatewayException {@code job-running} while a run holds the cluster lock
     */
    public RunStarted start(Trigger trigger) {
        Instant now = clock.instant();
        Optional<BindingHealthRun> unfinished = runs.recent(1).stream()
                .filter(run -> run.status() != Status.COMPLETED)
                .filter(run -> run.startedAt().isAfter(now.minus(CONTINUE_WITHIN)))
                .findFirst();
        BindingHealthRun run = unfinished.orElseGet(() -> new BindingHealthRun(trigger, now,
                (int) config.warningWindow().toDays()));
        String claim = UUID.randomUUID().toString(); // this start's hold on the lock (see BindingHealthRuns)
        if (!runs.claimLock(claim, now, config.lockLease())) {
            throw new GatewayException(ProblemType.JOB_RUNNING,
                    "A binding-health run is in progress (one at a time across the cluster); try again later");
        }
        try {
            if (unfinished.isEmpty()) {
                runs.add(run);
            } else {
                runs.resume(run.id(), now); // STARTED before the answer, so a poller never sees the old FAILED
            }
            long executionId = execute(run, claim, unfinished.isPresent());
            LOG.info(() -> (unfinished.isPresent() ? "Continuing" : "Started") + " binding-health run " + run.id()
                    + " (" + trigger + "), execution " + executionId);
            return new RunStarted(run.id(), executionId, unfinished.isPresent());
        } catch (RuntimeException e) {
            runs.releaseLock(claim);
            throw e;
        }
    }

    public RunView get(String runId) {
        return runs.find(runId).map(this::view).orElseThrow(
                () -> new GatewayException(ProblemType.RUN_NOT_FOUND, "No binding-health run with this id"));
    }

    public List<RunView> recent(int limit) {
        return runs.recent(limit).stream().map(this::view).toList();
    }

    private long execute(BindingHealthRun run, String claim, boolean continuing) {
        JobOperator operator = BatchRuntime.getJobOperator();
        Properties parameters = new Properties();
        parameters.setProperty("runId", run.id());
        parameters.setProperty("claim", claim);
        parameters.setProperty("chunkSize", Integer.toString(config.chunkSize()));
        if (continuing && run.executionId().isPresent()) {
            try {
                return operator.restart(run.executionId().get(), parameters);
            } catch (NoSuchJobExecutionException | JobRestartException e) {
                // The in-memory job repository forgot it (server restarted) or it cannot be restarted: a new
                // execution continues from the run's checkpoint in the database all the same.
                LOG.fine(() -> "Execution " + run.executionId().get() + " not restartable ("
                        + e.getClass().getSimpleName() + "); continuing run " + run.id() + " in a new execution");
            }
        }
        return operator.start(JOB, parameters);
    }

    private RunView view(BindingHealthRun run) {
        String batchStatus = run.executionId().flatMap(BindingHealthJobs::execution)
                .map(execution -> execution.getBatchStatus().name()).orElse(null);
        return new RunView(run.id(), run.status().name(), run.trigger().name(), run.asOf(), run.warningDays(),
                run.startedAt(), run.finishedAt().orElse(null), run.executionId().orElse(null), batchStatus,
                run.executions(), run.lastBindingId().orElse(null),
                new RunView.Counts(run.checked(), run.deactivated(), run.warned(), run.alreadyWarned(),
                        run.unchanged()),
                run.failure().orElse(null));
    }

    private static Optional<JobExecution> execution(long executionId) {
        try {
            return Optional.of(BatchRuntime.getJobOperator().getJobExecution(executionId));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    /** A start's answer: the run, the batch execution running it, and whether it continues a failed run. */
    public record RunStarted(String runId, long executionId, boolean continued) {
    }
}
