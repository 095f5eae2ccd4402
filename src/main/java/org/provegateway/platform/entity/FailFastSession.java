package org.provegateway.platform.entity;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * Makes EclipseLink give up at once when the database fails, instead of retrying on its own.
 *
 * <p>By default EclipseLink repeats a read that failed with what it takes for a communication failure up to 3 times,
 * 5 s apart, reconnecting in between: a caller then waited 10 to 22 s for a 500 (measured with PostgreSQL's
 * connections killed). The gateway wants the opposite: the query timeout ({@code jakarta.persistence.query.timeout}
 * in persistence.xml) and the data source's connect and pool timeouts bound every database call, the failure becomes
 * a {@code 503 database-unavailable} with Retry-After within 3 s, and the caller (or the load balancer, which sees
 * readiness DOWN) decides when to try again. Liberty's pool drops every pooled connection when one turns out dead
 * ({@code purgePolicy} EntirePool), so the caller's next request gets a fresh connection.
 *
 * <p>Named in persistence.xml ({@code eclipselink.session.customizer}); Liberty lets the application see EclipseLink's
 * API for it through the {@code third-party} API visibility of the gateway's class loader (server.xml).
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
