package it.org.provegateway;

import java.io.File;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.RestAssured;
import io.restassured.authentication.PreemptiveBasicAuthScheme;
import it.org.provegateway.support.Database;
import it.org.provegateway.support.DbProbe;
import it.org.provegateway.support.Eventually;
import it.org.provegateway.support.TokenLedger;

/**
 * Base of every integration test: the real Open Liberty server (production server.xml plus the test drop-in)
 * runs the real prove-gateway.war; each test class deploys a fresh emulator (the built prove-sandbox.war), so
 * Prove's simulated state never leaks from one class to another, and a test-only probe that reads the gateway's
 * database through the server's data source. Tests talk HTTP only.
 *
 * <p>Every /api call needs a caller with a role. Rest-Assured's default authentication is the test server's demo
 * user {@code operator} (all three roles, HTTP Basic, sent preemptively), so every {@code given()} is authenticated
 * unless a test sets its own ({@code .auth().none()}, {@code .auth().preemptive().basic(...)}). The emulator and
 * the db-probe are not protected and ignore the header.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class GatewayIT {

    protected static final String HOST = "http://localhost:" + System.getProperty("it.http.port", "9080");
    protected static final String GATEWAY = HOST + "/prove-gateway";
    protected static final String API = GATEWAY + "/api/v1";
    protected static final String SANDBOX = HOST + "/prove-sandbox";

    /** The test server's demo users (src/test/liberty/test.xml; README). */
    protected static final String OPERATOR = "operator";
    protected static final String OPERATOR_PASSWORD = "demo-operator";

    static {
        PreemptiveBasicAuthScheme operator = new PreemptiveBasicAuthScheme();
        operator.setUserName(OPERATOR);
        operator.setPassword(OPERATOR_PASSWORD);
        RestAssured.authentication = operator;
    }

    protected final Database db = new Database(HOST);

    /**
     * The gateway has migrated its schema (its startup check passes) before any test touches the database: on a fresh
     * database the first test class can otherwise run while Flyway is still creating the tables.
     */
    @BeforeAll
    static void gatewayStarted() {
        Eventually.until(Duration.ofMinutes(2), "the gateway's startup check passes", () -> {
            try {
                return RestAssured.given().get(HOST + "/health/started").statusCode() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
    }

    /**
     * Before this class's emulator is undeployed (Arquillian does that after every {@code @AfterAll}), its tokens go
     * to the suite's ledger, for the closing leak scan ({@link SecretLeakIT}).
     */
    @AfterAll
    static void recordIssuedTokens() {
        TokenLedger.record(SANDBOX);
    }

    @Deployment(name = "sandbox", testable = false, order = 1)
    public static WebArchive sandbox() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.sandbox.war")));
    }

    @Deployment(name = "db-probe", testable = false, order = 2)
    public static WebArchive databaseProbe() {
        return ShrinkWrap.create(WebArchive.class, "db-probe.war")
                .addClasses(DbProbe.class, DbProbe.ProbeApplication.class);
    }
}
