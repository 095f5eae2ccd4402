package it.org.provegateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * TEST ONLY: a cluster of gateway nodes as a bank runs it: several Liberty servers ({@link LibertyServer}) from the
 * same installation, each with the production prove-gateway.war, the production {@code liberty/config/server.xml},
 * the integration-test server's own overlay (every file of {@code src/test/liberty}, unchanged) and the node file
 * {@code src/test/liberty-nodes/zz-node.xml} (Prove = the emulator of the Arquillian-managed server, plus the test's
 * variables), all on one PostgreSQL schema of their own ({@code <it schema>_nodes}, dropped and created anew), and
 * all calling the one emulator. No load balancer: the test chooses the node of each call, which is the worst a
 * balancer without stickiness can do.
 *
 * <p>Paths come from Failsafe's system properties ({@code it.wlp.home}, {@code it.gateway.war},
 * {@code it.server.xml}, {@code it.test.config}, {@code it.node.config}, {@code it.db.*}).
 */
public final class GatewayNodes implements AutoCloseable {

    private final Map<String, LibertyServer> nodes = new LinkedHashMap<>();
    private final String url;
    private final String user;
    private final String password;

    /**
     * Lays out one server per name (not started). Needs the PostgreSQL pass: embedded Derby cannot be shared by
     * several JVMs, and a cluster runs on PostgreSQL.
     */
    public GatewayNodes(String sandboxUrl, Map<String, String> variables, String... names) {
        String itUrl = System.getProperty("it.db.url");
        if (!itUrl.startsWith("jdbc:postgresql:")) {
            throw new AssertionError("several gateway nodes need a shared PostgreSQL database: run with -Ppostgres");
        }
        this.user = System.getProperty("it.db.user");
        this.password = System.getProperty("it.db.password", "");
        String schema = itUrl.replaceAll(".*[?&]currentSchema=([^&]+).*", "$1") + "_nodes";
        this.url = itUrl.replaceAll("currentSchema=[^&]+", "currentSchema=" + schema);
        try (Connection admin = DriverManager.getConnection(itUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError("could not create schema " + schema, e);
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("it.test.config")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                overrides.put(file.getFileName().toString(), Files.readString(file));
            }
            Path node = Path.of(System.getProperty("it.node.config"));
            overrides.put(node.getFileName().toString(), Files.readString(node)
                    .replace("@SANDBOX_URL@", xml(sandboxUrl))
                    .replace("<!-- @VARIABLES@ -->", variables.entrySet().stream()
                            .map(v -> "<variable name=\"" + xml(v.getKey()) + "\" value=\"" + xml(v.getValue()) + "\"/>")
                            .collect(Collectors.joining("\n  "))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : names) {
            Map<String, String> bootstrap = new LinkedHashMap<>();
            // the same properties the integration-test server gets from the build (pom.xml, create-it-server)
            // A node frozen in mid-transaction (NodesIT freezes one) loses its session, and so its row locks, after
            // 5 s, as operations.md asks of a cluster's database role.
            bootstrap.put("it.db.url", url.replaceAll("ApplicationName=[^&]+", "ApplicationName=" + name)
                    + "&options=-c%20idle_in_transaction_session_timeout%3D5000");
            bootstrap.put("it.db.user", user);
            bootstrap.put("it.db.password", password);
            bootstrap.put("it.db.shutdown.url", "jdbc:derby:memory:unused-" + name + ";shutdown=true");
            bootstrap.put("com.ibm.ws.logging.trace.file.name", "trace.log");
            nodes.put(name, new LibertyServer(name, Path.of(System.getProperty("it.server.xml")), overrides, bootstrap,
                    Map.of("prove-gateway.war", Path.of(System.getProperty("it.gateway.war")))));
        }
    }

    public LibertyServer node(String name) {
        LibertyServer node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node " + name);
        }
        return node;
    }

    /** The gateway's API base on one node, e.g. {@code http://localhost:PORT/prove-gateway/api/v1}. */
    public String api(String name) {
        return node(name).host() + "/prove-gateway/api/v1";
    }

    /** Starts every node that is not running, all at once, and waits until each is ready. */
    public void startAll() {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (LibertyServer node : nodes.values()) {
            if (!node.running()) {
                starts.add(CompletableFuture.runAsync(() -> node.start("/health/ready")));
            }
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof AssertionError failed) {
                throw failed;
            }
            throw e;
        }
    }

    /** Runs SQL on the nodes' shared schema, on a connection of the test's own. */
    public <T> T query(SecondServer.SqlWork<T> work) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new AssertionError("query on the nodes' schema failed", e);
        }
    }

    public long count(String sql) {
        return query(connection -> {
            try (var rows = connection.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    public int update(String sql) {
        return query(connection -> connection.createStatement().executeUpdate(sql));
    }

    /** Stops every node, all at once. */
    @Override
    public void close() {
        CompletableFuture.allOf(nodes.values().stream().map(node -> CompletableFuture.runAsync(node::close))
                .toArray(CompletableFuture[]::new)).join();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
