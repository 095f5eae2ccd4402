package org.provegateway.binding.control;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.ejb.ScheduleExpression;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Settings of the binding-health job ({@code binding-health.*}). */
@ApplicationScoped
public class BindingHealthConfig {

    /**
     * How long before Prove's 12-month deadline a binding is flagged (a {@code DEACTIVATION_WARNING} event the
     * bank's systems can act on, e.g. by asking the customer to open the app). 30 days leaves a month's worth of
     * ordinary logins to keep the key alive.
     */
    @Inject
    @ConfigProperty(name = "binding-health.warning-window", defaultValue = "P30D")
    Duration warningWindow;

    /**
     * Bindings per chunk, i.e. per transaction and checkpoint. 500 keeps a chunk's row locks short on a busy
     * registry (a chunk takes well under a second) while a million bindings still need only 2,000 commits.
     */
    @Inject
    @ConfigProperty(name = "binding-health.chunk-size", defaultValue = "500")
    int chunkSize;

    /**
     * When the job starts by itself on every node (the cluster lock lets one of them run it), as EJB calendar
     * attributes: {@code second minute hour dayOfMonth month dayOfWeek year}, e.g. {@code hour=2 minute=30} (daily at
     * 02:30 UTC, a quiet hour for banks) or {@code dayOfWeek=Sun hour=3}; {@code off} disables the schedule.
     */
    @Inject
    @ConfigProperty(name = "binding-health.schedule", defaultValue = "hour=2 minute=30")
    String schedule;

    /**
     * How long the cluster lock is held without being renewed (every chunk renews it). A node that dies while
     * running the job blocks other starts at most this long. 5 minutes is far above a chunk's time.
     */
    @Inject
    @ConfigProperty(name = "binding-health.lock-lease", defaultValue = "PT5M")
    Duration lockLease;

    public Duration warningWindow() {
        return warningWindow;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public String schedule() {
        return schedule;
    }

    public Duration lockLease() {
        return lockLease;
    }

    /** The schedule as an EJB calendar expression (UTC); empty when {@code off}. */
    public Optional<ScheduleExpression> scheduleExpression() {
        return parseSchedule(schedule);
    }

    /**
     * Parses {@code key=value} pairs separated by blanks ({@code second minute hour dayOfMonth month dayOfWeek
     * year}, values in EJB calendar syntax such as {@code 0,30}, {@code 1-5}, {@code *}, {@code *}{@code /15}).
     * Unset attributes keep EJB's defaults (second 0, minute 0, hour 0, every day); the time zone is UTC.
     *
     * @throws IllegalArgumentException naming what is wrong, so a bad value stops the deployment
     */
    public static Optional<ScheduleExpression> parseSchedule(String text) {
        if (text == null || text.isBlank() || "off".equalsIgnoreCase(text.strip())) {
            return Optional.empty();
        }
        ScheduleExpression expression = new ScheduleExpression().timezone("UTC");
        for (String pair : text.strip().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("binding-health.schedule: expected key=value, got '" + pair + "'");
            }
            String value = pair.substring(eq + 1);
            switch (pair.substring(0, eq)) {
                case "second" -> expression.second(value);
                case "minute" -> expression.minute(value);
                case "hour" -> expression.hour(value);
                case "dayOfMonth" -> expression.dayOfMonth(value);
                case "month" -> expression.month(value);
                case "dayOfWeek" -> expression.dayOfWeek(value);
                case "year" -> expression.year(value);
                default -> throw new IllegalArgumentException("binding-health.schedule: unknown attribute '"
                        + pair.substring(0, eq) + "' (second, minute, hour, dayOfMonth, month, dayOfWeek, year)");
            }
        }
        return Optional.of(expression);
    }
}
