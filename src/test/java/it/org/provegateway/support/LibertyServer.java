package it.org.provegateway.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * TEST ONLY: a Liberty server of its own, created in the installation the Arquillian-managed server runs from
 * ({@code it.wlp.home}), that a test creates, starts, stops and kills at will. Generic: the caller says which
 * {@code server.xml} it gets, which files go to {@code configDropins/overrides} (applied in file-name order, so a
 * later name overrides an earlier one), which {@code bootstrap.properties} and which applications.
 *
 * <p>{@link #kill()} ends the server's JVM with SIGKILL (what {@code kill -9} does): no shutdown hook, no orderly
 * end of transactions or timers, open database connections simply vanish, as when a machine or container dies.
 */
public final class LibertyServer implements AutoCloseable {

    /** Generous: a loaded, shared CI machine has taken more than 3 minutes to start a server. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private final String name;
    private final Path wlp;
    private final Path serverDir;
    private final int httpPort;
    private final int httpsPort;
    private volatile boolean running;

    /**
     * Lays the server out afresh (an old one of the same name is deleted).
     *
     * @param serverXml its server.xml
     * @param overrides files copied to configDropins/overrides, by target file name
     * @param bootstrap bootstrap.properties; {@code http.port} and {@code https.port} are added (free ports)
     * @param apps applications copied to apps/ (by target file name)
     */
    public LibertyServer(String name, Path serverXml, Map<String, String> overrides, Map<String, String> bootstrap,
            Map<String, Path> apps) {
        this.name = name;
        this.wlp = Path.of(System.getProperty("it.wlp.home"));
        this.serverDir = wlp.resolve("usr/servers").resolve(name);
        try {
            stopQuietly();
            delete(serverDir);
            run("create", START_TIMEOUT);
            Files.copy(serverXml, serverDir.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
            Path overridesDir = Files.createDirectories(serverDir.resolve("configDropins/overrides"));
            for (Map.Entry<String, String> file : overrides.entrySet()) {
                Files.writeString(overridesDir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            Path appsDir = Files.createDirectories(serverDir.resolve("apps"));
            for (Map.Entry<String, Path> app : apps.entrySet()) {
                Files.copy(app.getValue(), appsDir.resolve(app.getKey()), StandardCopyOption.REPLACE_EXISTING);
            }
            this.httpPort = freePort();
            this.httpsPort = freePort();
            String properties = Stream.concat(bootstrap.entrySet().stream(),
                    Map.of("http.port", Integer.toString(httpPort), "https.port", Integer.toString(httpsPort))
                            .entrySet().stream())
                    .map(p -> p.getKey() + "=" + p.getValue().replace("\\", "\\\\"))
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(serverDir.resolve("bootstrap.properties"), properties, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /** {@code http://localhost:PORT}. */
    public String host() {
        return "http://localhost:" + httpPort;
    }

    public Path logs() {
        return serverDir.resolve("logs");
    }

    public boolean running() {
        return running;
    }

    /** Starts the server and waits until {@code readyPath} (e.g. {@code /health/ready}) answers 200. */
    public void start(String readyPath) {
        run("start", START_TIMEOUT);
        running = true;
        String ready = host() + readyPath;
        Eventually.until(START_TIMEOUT, name + " answers 200 on " + readyPath + " (see " + logs()
                .resolve("messages.log") + ")", () -> {
                    try {
                        return given().auth().none().get(ready).statusCode() == 200;
                    } catch (RuntimeException notYet) {
                        return false; // connection refused while the server starts
                    }
                });
    }

    /** An orderly stop ({@code bin/server stop}). */
    public void stop() {
        if (running) {
            run("stop", START_TIMEOUT);
            running = false;
        }
    }

    /** Ends the server's JVM at once with SIGKILL, and waits until it is gone. */
    public void kill() {
        ProcessHandle process = pid().flatMap(ProcessHandle::of)
                .orElseThrow(() -> new AssertionError("no running process for server " + name));
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("server " + name + " did not die", e);
        }
        running = false;
    }

    /**
     * Freezes the server's JVM (SIGSTOP), as a long GC pause, a suspended VM or a stalled host would: it holds its
     * connections and state but does nothing until {@link #thaw()}. Unix only.
     */
    public void freeze() {
        signal("STOP");
    }

    /** Lets a {@link #freeze() frozen} server go on (SIGCONT). */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String signal) {
        long id = pid().orElseThrow(() -> new AssertionError("no running process for server " + name));
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(id)).inheritIO().start();
            if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + signal + " " + id + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The JVM's process id, from the pid file Liberty writes while the server runs. */
    public Optional<Long> pid() {
        Path file = wlp.resolve("usr/servers/.pid").resolve(name + ".pid");
        try {
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The lines of {@code messages.log}, or none before the server first wrote it. */
    public List<String> messages() {
        Path log = logs().resolve("messages.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void stopQuietly() {
        if (Files.exists(serverDir)) {
            run("stop", START_TIMEOUT); // a server left running by an interrupted earlier run
        }
    }

    private void run(String action, Duration timeout) {
        String script = System.getProperty("os.name").toLowerCase().contains("win") ? "server.bat" : "server";
        ProcessBuilder command = new ProcessBuilder(wlp.resolve("bin").resolve(script).toString(), action, name)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        wlp.getParent().getParent().resolve(name + "-commands.log").toFile()));
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Process process = command.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
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
}
