package org.provegateway.binding.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.provegateway.binding.control.BindingHealthConfig;
import org.provegateway.binding.control.BindingHealthJobs;
import org.provegateway.binding.entity.BindingHealthRun.Trigger;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.ProblemType;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Starts the binding-health job on {@code binding-health.schedule} (UTC; {@code off} disables it). Every node has
 * this non-persistent timer (Liberty ignores persistent timers without the persistent-timer feature, and a missed
 * night needs no catch-up: the next run sees the same bindings); the job's cluster lock lets only one node run,
 * the others are refused and skip. A failed run of the night before is continued, as by an API start.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BindingHealthSchedule {

    private static final Logger LOG = Logger.getLogger(BindingHealthSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    BindingHealthConfig config;

    @Inject
    BindingHealthJobs jobs;

    @PostConstruct
    void schedule() {
        config.scheduleExpression().ifPresentOrElse(expression -> {
            timers.createCalendarTimer(expression, new TimerConfig("binding-health", false));
            LOG.info(() -> "Binding-health job scheduled: " + config.schedule() + " (UTC)");
        }, () -> LOG.info("Binding-health job schedule is off; start it with POST /api/v1/binding-health/runs"));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        try {
            var started = jobs.start(Trigger.SCHEDULE);
            LOG.fine(() -> "Scheduled binding-health run " + started.runId());
        } catch (GatewayException e) {
            if (e.type() == ProblemType.JOB_RUNNING) {
                LOG.fine("Scheduled binding-health run skipped: another node is running it");
            } else {
                LOG.log(Level.WARNING, "Scheduled binding-health run could not start: {0}", e.type());
            }
        } catch (RuntimeException e) {
            // The next scheduled time tries again; a failure must not cancel the timer.
            LOG.log(Level.WARNING, "Scheduled binding-health run could not start: {0}", e.getClass().getSimpleName());
        }
    }
}
