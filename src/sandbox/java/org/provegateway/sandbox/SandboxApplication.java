package org.provegateway.sandbox;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS root of the emulator: Prove's paths ({@code /token}, {@code /v3/...}) sit directly under the context root. */
@ApplicationPath("/")
public class SandboxApplication extends Application {
}
