package it.org.provegateway.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * TEST ONLY: a second Liberty server from the same installation as the Arquillian-managed one, running only the
 * production prove-gateway.war with the production server.xml plus {@code src/test/liberty-restart/restart.xml}
 * (free ports, a database of its own, the emulator of the managed server as Prove). Arquillian cannot survive its own
 * server being restarted; this one the test stops and starts at will with {@code bin/server}.
 *
 * <p>Its database is of the kind the test pass runs on ({@code it.db.url}): an embedded Derby database of its own,
 * or on PostgreSQL a schema of its own ({@code <it schema>_<server name>}, dropped and created anew), so that it starts
 * empty and its rows are its own. Extra Liberty variables (e.g. {@code prove.api.rate-limit}) can be given.
 *
 * <p>Paths come from Failsafe's system properties ({@code it.wlp.home}, {@code it.gateway.war},
 * {@code it.server.xml}, {@code it.restart.config}). {@link #close()} stops the server and is safe to call twice.
 */
public final class SecondServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final Path wlp;
    private final Path serverDir;
    private final Path derby;
    private final int httpPort;
    private final int httpsPort;
    private final boolean plainHttp;
    private final boolean postgres;
    private final String url;
    private final String user;
    private final String password;
    private boolean running;

    /** Creates the server afresh (an old one of the same name is deleted). */
    public SecondServer(String name, String sandboxUrl) {
        this(name, sandboxUrl, Map.of());
    }

    /** Creates the server afresh with extra Liberty variables (name to value). */
    public SecondServer(String name, String sandboxUrl, Map<String, String> variables) {
        this(name, sandboxUrl, variables, Path.of(System.getProperty("it.restart.config")));
    }

    /**
     * Creates the server afresh with the given override file (with the same {@code @...@} tokens as restart.xml).
     * An override without {@code @HTTP_PORT@} leaves the production configuration's HTTPS-only listener alone; the
     * server is then reached over HTTPS (its generated certificate is not checked).
     */
    public SecondServer(String name, String sandboxUrl, Map<String, String> variables, Path overrideFile) {
        this.name = name;
        this.wlp = Path.of(System.getProperty("it.wlp.home"));
        this.serverDir = wlp.resolve("usr/servers").resolve(name);
        this.derby = wlp.getParent().getParent().resolve(name + "-derby").resolve("prove");
        String itUrl = System.getProperty("it.db.url");
        this.postgres = itUrl.startsWith("jdbc:postgresql:");
        this.user = postgres ? System.getProperty("it.db.user") : "prove";
        this.password = postgres ? System.getProperty("it.db.password", "") : "prove";
        if (postgres) {
            String schema = itUrl.replaceAll(".*[?&]currentSchema=([^&]+).*", "$1") + "_" + name.replace('-', '_');
            this.url = itUrl.replaceAll("currentSchema=[^&]+", "currentSchema=" + schema)
                    .replaceAll("ApplicationName=[^&]+", "ApplicationName=" + name);
            try (Connection admin = DriverManager.getConnection(itUrl, user, password);
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                statement.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new AssertionError("could not create schema " + schema, e);
            }
        } else {
            this.url = "jdbc:derby:" + derby;
        }
        try {
            delete(serverDir);
            delete(derby.getParent());
            run("create");
            Files.copy(Path.of(System.getProperty("it.server.xml")), serverDir.resolve("server.xml"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(serverDir.resolve("apps"));
            Files.copy(Path.of(System.getProperty("it.gateway.war")), serverDir.resolve("apps/prove-gateway.war"));
            this.httpPort = freePort();
            this.httpsPort = freePort();
            String template = Files.readString(overrideFile);
            this.plainHttp = template.contains("@HTTP_PORT@");
            String override = template
                    .replace("@HTTP_PORT@", Integer.toString(httpPort))
                    .replace("@HTTPS_PORT@", Integer.toString(httpsPort))
                    .replace("@DB_URL@", xml(postgres ? url : url + ";create=true"))
                    .replace("@DB_USER@", xml(user))
                    .replace("@DB_PASSWORD@", xml(password))
                    .replace("@SANDBOX_URL@", sandboxUrl)
                    .replace("<!-- @VARIABLES@ -->", variables.entrySet().stream()
                            .map(v -> "<variable name=\"" + xml(v.getKey()) + "\" value=\"" + xml(v.getValue()) + "\"/>")
                            .collect(Collectors.joining("\n  ")));
            Path overrides = Files.createDirectories(serverDir.resolve("configDropins/overrides"));
            Files.writeString(overrides.resolve("restart.xml"), override, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateway's API base, e.g. {@code http://localhost:PORT/prove-gateway/api/v1}. */
    public String api() {
        return base() + "/prove-gateway/api/v1";
    }

    /** The server's root, {@code http://localhost:PORT} or (HTTPS only) {@code https://localhost:PORT}. */
    public String base() {
        return plainHttp ? "http://localhost:" + httpPort : "https://localhost:" + httpsPort;
    }

    /** The HTTPS port. */
    public int httpsPort() {
        return httpsPort;
    }

    /** The server's log directory (messages.log, ffdc/). */
    public Path logs() {
        return serverDir.resolve("logs");
    }

    /** Whether its database is PostgreSQL (readable while it runs) rather than embedded Derby. */
    public boolean postgresql() {
        return postgres;
    }

    /** Starts the server and waits until the gateway is ready (its readiness check passes). */
    public void start() {
        run("start");
        running = true;
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String health = base() + "/health/ready";
        while (System.nanoTime() < deadline) {
            try {
                if (given().relaxedHTTPSValidation().get(health).statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while the server starts
            }
            sleep(500);
        }
        throw new AssertionError("server " + name + " not ready after " + START_TIMEOUT + "; see " + serverDir
                .resolve("logs/messages.log"));
    }

    public void stop() {
        if (running) {
            run("stop");
            running = false;
        }
    }

    /** Stops, then starts again. */
    public void restart() {
        stop();
        start();
    }

    /**
     * Runs a query on the server's database while the server is stopped (embedded Derby allows one JVM at a
     * time) and shuts the database down again so that the server can open it.
     */
    public <T> T whileStopped(SqlWork<T> work) {
        if (running) {
            throw new IllegalStateException("stop the server first: embedded Derby is open in its JVM");
        }
        return query(work);
    }

    /**
     * Runs a query on the server's database: on PostgreSQL at any time; on Derby only while the server is stopped
     * ({@link #whileStopped}).
     */
    public <T> T query(SqlWork<T> work) {
        if (postgres) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                return work.apply(connection);
            } catch (SQLException e) {
                throw new AssertionError("query on " + url + " failed", e);
            }
        }
        if (running) {
            throw new IllegalStateException("stop the server first: embedded Derby is open in its JVM");
        }
        // Derby's own log goes beside the database, not into the project directory.
        System.setProperty("derby.stream.error.file", derby.getParent().resolve("derby.log").toString());
        try (Connection connection = DriverManager.getConnection(derbyUrl(), "prove", "prove")) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new AssertionError("query on " + derbyUrl() + " failed", e);
        } finally {
            try {
                DriverManager.getConnection(derbyUrl() + ";shutdown=true");
            } catch (SQLException expected) {
                // Derby answers a successful shutdown with SQLState 08006
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** A query run by {@link #whileStopped}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private String derbyUrl() {
        return url;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private void run(String action) {
        String script = System.getProperty("os.name").toLowerCase().contains("win") ? "server.bat" : "server";
        ProcessBuilder command = new ProcessBuilder(wlp.resolve("bin").resolve(script).toString(), action, name)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        wlp.getParent().getParent().resolve(name + "-commands.log").toFile()));
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Process process = command.start();
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("bin/server " + action + " " + name + " did not finish");
            }
            int exit = process.exitValue();
            // 'stop' answers 1 when the server was not running: nothing to do then
            if (exit != 0 && !("stop".equals(action) && exit == 1)) {
                throw new AssertionError("bin/server " + action + " " + name + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
