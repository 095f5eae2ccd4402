package org.provegateway.demopage;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The page's back end under {@code /prove-demo/api}; the page itself is static ({@code /prove-demo/}). */
@ApplicationPath("api")
public class DemoPageApplication extends Application {
}
