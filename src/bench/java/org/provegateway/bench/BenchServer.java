package org.provegateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The Liberty server the benchmark measures: laid out afresh from the installed runtime (production server.xml,
 * both WARs, src/bench/liberty/bench.xml), on an embedded Derby database of its own or a PostgreSQL schema of its
 * own, started and stopped with {@code bin/server}. Optionally with a JFR recording (jvm.options).
 */
final class BenchServer implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    final String db;
    final String name;
    final int httpPort;
    private final Path wlp;
    private final Path serverDir;
    private final Path derbyDir;
    private final String url;
    private final String user;
    private final String password;
    private boolean running;

    BenchServer(String db, Options options) throws IOException, SQLException {
        this(db, options, options.gatewayWar);
    }

    BenchServer(String db, Options options, String gatewayWar) throws IOException, SQLException {
        this.db = db;
        this.name = options.serverName + "-" + db;
        this.httpPort = options.httpPort;
        this.wlp = Path.of(options.wlpHome);
        this.serverDir = wlp.resolve("usr/servers").resolve(name);
        this.derbyDir = wlp.getParent().getParent().resolve(name + "-derby");
        if (db.equals("postgres")) {
            String schema = options.pgSchema;
            url = options.pgUrl + (options.pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema
                    + "&ApplicationName=" + name;
            user = options.pgUser;
            password = options.pgPassword;
            try (Connection admin = DriverManager.getConnection(options.pgUrl, user, password);
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                statement.execute("CREATE SCHEMA " + schema);
            }
        } else {
            url = "jdbc:derby:" + derbyDir.resolve("prove");
            user = "prove";
            password = "prove";
            System.setProperty("derby.stream.error.file", derbyDir.resolve("derby-bench-client.log").toString());
        }
        delete(serverDir);
        delete(derbyDir);
        Files.createDirectories(derbyDir);
        Files.createDirectories(serverDir.resolve("apps"));
        Files.copy(Path.of(options.serverXml), serverDir.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(gatewayWar), serverDir.resolve("apps/prove-gateway.war"));
        Files.copy(Path.of(options.sandboxWar), serverDir.resolve("apps/prove-sandbox.war"));
        String override = Files.readString(Path.of(options.config))
                .replace("@HTTP_PORT@", Integer.toString(options.httpPort))
                .replace("@HTTPS_PORT@", Integer.toString(options.httpsPort))
                .replace("@DB_URL@", xml(db.equals("postgres") ? url : url + ";create=true"))
                .replace("@DB_USER@", xml(user))
                .replace("@DB_PASSWORD@", xml(password));
        Path overrides = Files.createDirectories(serverDir.resolve("configDropins/overrides"));
        Files.writeString(overrides.resolve("bench.xml"), override, StandardCharsets.UTF_8);
        StringBuilder jvm = new StringBuilder("-Xmx1g\n");
        if (options.jfr) {
            // Profiling: method samples every 10 ms and socket reads over 1 ms, dumped when the server stops.
            jvm.append("-XX:StartFlightRecording=name=bench,settings=profile,filename=")
                    .append(wlp.getParent().getParent().resolve(name + ".jfr")).append(",dumponexit=true\n");
        }
        Files.writeString(serverDir.resolve("jvm.options"), jvm.toString());
    }

    String base() {
        return "http://localhost:" + httpPort;
    }

    Path jfrFile() {
        return wlp.getParent().getParent().resolve(name + ".jfr");
    }

    void start() {
        run("start");
        running = true;
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(base() + "/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> sandbox = client.send(HttpRequest.newBuilder(URI.create(base()
                        + "/prove-sandbox/control/calls")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && sandbox.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // refused while the server starts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("server " + name + " not ready; see " + serverDir.resolve("logs"));
    }

    void stop() {
        if (running) {
            run("stop");
            running = false;
        }
    }

    /** SQL on the server's database: PostgreSQL at any time, embedded Derby only while the server is stopped. */
    <T> T sql(SqlWork<T> work) throws SQLException {
        if (running && !db.equals("postgres")) {
            throw new IllegalStateException("embedded Derby is open in the server's JVM: stop it first");
        }
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return work.apply(connection);
        } finally {
            if (!db.equals("postgres")) {
                try {
                    DriverManager.getConnection(url + ";shutdown=true");
                } catch (SQLException expected) {
                    // a successful shutdown answers 08006
                }
            }
        }
    }

    /** Live heap: bytes in use right after full collections (the last of three, so finalizable garbage is gone). */
    long liveHeap() throws IOException {
        Path address = serverDir.resolve("logs/state/com.ibm.ws.jmx.local.address");
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(Files.readString(address)
                .strip()))) {
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                    ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            for (int i = 0; i < 3; i++) {
                memory.gc();
            }
            return memory.getHeapMemoryUsage().getUsed();
        }
    }

    @Override
    public void close() {
        stop();
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private void run(String action) {
        ProcessBuilder command = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        wlp.getParent().getParent().resolve(name + "-commands.log").toFile()));
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Process process = command.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("bin/server " + action + " " + name + " did not finish");
            }
            int exit = process.exitValue();
            if (exit != 0 && !(action.equals("stop") && exit == 1)) {
                throw new IllegalStateException("bin/server " + action + " " + name + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
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
}
