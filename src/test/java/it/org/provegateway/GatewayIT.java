package it.org.provegateway;

import java.io.File;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every integration test: the real Open Liberty server (production server.xml plus the test drop-in)
 * runs the real prove-gateway.war; each test class deploys a fresh emulator (the built prove-sandbox.war), so
 * Prove's simulated state never leaks from one class to another. Tests talk HTTP only.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class GatewayIT {

    protected static final String HOST = "http://localhost:" + System.getProperty("it.http.port", "9080");
    protected static final String GATEWAY = HOST + "/prove-gateway";
    protected static final String SANDBOX = HOST + "/prove-sandbox";

    @Deployment(name = "sandbox", testable = false)
    public static WebArchive sandbox() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.sandbox.war")));
    }
}
