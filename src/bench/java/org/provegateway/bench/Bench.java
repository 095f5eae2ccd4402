package org.provegateway.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The benchmark (docs/performance.md). For each database: lays out and starts the bench server, then runs the chosen
 * scenarios and prints (and appends to the report) Markdown tables:
 * <ul>
 * <li>{@code flows}: at each concurrency, the direct baseline then the gateway, back to back on the same server;
 * flows/s, per-step p50/p95/p99, errors, the ratio, the p50 each gateway step adds; then the server's live heap after
 * start and after {@code bench.heap.flows} gateway flows (emulator state cleared before each reading);</li>
 * <li>{@code registry}: seeds {@code bench.bindings} bindings (each with a change-feed event) with set-based SQL, then
 * times bulk checks of 10,000 numbers, reading the whole change feed, and single lookups under load;</li>
 * <li>{@code purge}: gateway flows at c=8 without a purge backlog, then with {@code bench.purge.rows} expired sessions
 * that the session purge removes meanwhile: p99 with vs without.</li>
 * </ul>
 */
public final class Bench {

    private final Options options = new Options();
    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        new Bench().run();
    }

    void run() throws Exception {
        Locale.setDefault(Locale.ROOT);
        line("# Benchmark " + Instant.now());
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + "; options: "
                + options);
        line("Load average at start: " + loadAverage());
        for (String db : options.dbs) {
            if (!options.baselineWar.isEmpty() && options.runs("flows")) {
                try (BenchServer baseline = new BenchServer(db, options, options.baselineWar)) {
                    line("");
                    line("## " + db + ": baseline " + options.baselineWar);
                    baseline.start();
                    flows(baseline, new Load(baseline.base()), false);
                    baseline.stop();
                }
            }
            try (BenchServer server = new BenchServer(db, options)) {
                line("");
                line("## " + db);
                long started = System.nanoTime();
                server.start();
                line("Server started in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)
                        + " s; load average " + loadAverage());
                Load load = new Load(server.base());
                if (options.runs("flows")) {
                    flows(server, load, true);
                }
                if (options.runs("purge")) {
                    purge(server, load);
                }
                if (options.runs("registry")) {
                    registry(server, load);
                }
                server.stop();
                if (options.jfr) {
                    line("JFR recording: " + server.jfrFile() + " (jfr summary / jfr print --events "
                            + "jdk.ExecutionSample ...)");
                }
            }
        }
        line("");
        line("Load average at end: " + loadAverage());
        System.out.println("Report written to " + options.report);
    }

    // ---- flows ---------------------------------------------------------------------------------------------------

    void flows(BenchServer server, Load load, boolean heap) throws Exception {
        // Warm-up of both paths (JIT, pools, the first token) before anything is measured.
        load.run("gateway", 8, options.warmup, 1);
        load.run("direct", 8, options.warmup, 1);
        resetSandbox(load);
        long heapAtStart = server.liveHeap();
        long gatewayFlows = 0;
        line("");
        line("### Flows (" + server.db + "): closed loop, " + options.duration + " s measured after " + options.warmup
                + " s warm-up per row; latencies in ms; outcome step by "
                + (load.outcomeByGet() ? "GET /possession-flows/{id}" : "POST /possession-flows/{id}/result"));
        line("");
        line("| c | path | flows/s | errors | step 1 p50/p95/p99 | client OTP p50/p95/p99 | outcome p50/p95/p99 |"
                + " flow p50/p99 | ratio | added p50 start / outcome | load avg |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int c : options.concurrency) {
            Load.Result direct = load.run("direct", c, Math.min(options.warmup, 5), options.duration);
            String loadAvg = loadAverage();
            Load.Result gateway = load.run("gateway", c, Math.min(options.warmup, 5), options.duration);
            gatewayFlows += gateway.flows + gateway.flows * Math.min(options.warmup, 5) / options.duration;
            line(row(direct, null, loadAvg));
            line(row(gateway, direct, loadAverage()));
            for (Load.Result r : List.of(direct, gateway)) {
                if (!r.errorSamples.isEmpty()) {
                    line("  - " + r.mode + " c=" + c + " errors, e.g.: " + r.errorSamples.get(0));
                }
            }
        }
        if (!heap) {
            return;
        }
        // Heap: keep running gateway flows (c=8) until bench.heap.flows have run since the first reading.
        while (gatewayFlows < options.heapFlows) {
            Load.Result more = load.run("gateway", 8, 0, 10);
            gatewayFlows += more.flows;
        }
        resetSandbox(load);
        long heapAfter = server.liveHeap();
        line("");
        line(String.format("Live heap (after full GC, emulator state cleared): %.1f MiB after start, %.1f MiB after"
                + " %,d gateway flows: x%.2f", heapAtStart / 1048576.0, heapAfter / 1048576.0, gatewayFlows,
                (double) heapAfter / heapAtStart));
    }

    private static String row(Load.Result r, Load.Result direct, String loadAvg) {
        List<Histogram> steps = new ArrayList<>(r.steps.values());
        String ratio = direct == null ? "" : String.format("%.2f", r.flowsPerSecond() / direct.flowsPerSecond());
        String added = "";
        if (direct != null) {
            List<Histogram> base = new ArrayList<>(direct.steps.values());
            added = String.format("%+.1f / %+.1f", ms(steps.get(0), 50) - ms(base.get(0), 50),
                    ms(steps.get(2), 50) - ms(base.get(2), 50));
        }
        return String.format("| %d | %s | %.1f | %d | %s | %s | %s | %.1f / %.1f | %s | %s | %s |", r.concurrency,
                r.mode, r.flowsPerSecond(), r.errors, pct(steps.get(0)), pct(steps.get(1)), pct(steps.get(2)),
                ms(r.flow, 50), ms(r.flow, 99), ratio, added, loadAvg);
    }

    private static String pct(Histogram h) {
        return String.format("%.1f / %.1f / %.1f", ms(h, 50), ms(h, 95), ms(h, 99));
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    // ---- purge under load ----------------------------------------------------------------------------------------

    void purge(BenchServer server, Load load) throws Exception {
        line("");
        line("### Session purge under load (" + server.db + "): gateway flows at c=8");
        line("");
        Load.Result without = load.run("gateway", 8, Math.min(options.warmup, 5), options.duration);
        double removedBefore = purgeRemoved(load);
        long seeded = onDatabase(server, connection -> Seeding.expiredSessions(connection, options.purgeRows));
        long began = System.nanoTime();
        // Measure while the purge timer (every 5 s in bench.xml) works through the backlog; stop when it is gone.
        List<Load.Result> during = new ArrayList<>();
        double removed = 0;
        while (TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began) < 600) {
            during.add(load.run("gateway", 8, 0, 10));
            removed = purgeRemoved(load) - removedBefore;
            if (removed >= seeded) {
                break;
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Load.Result with = new Load.Result("gateway", 8, List.of("start", "client-otp", "outcome"));
        during.forEach(with::add);
        with.seconds = 10.0 * during.size();
        line("| | flows/s | errors | flow p50 | flow p95 | flow p99 |");
        line("|---|---|---|---|---|---|");
        line(String.format("| no backlog | %.1f | %d | %.1f | %.1f | %.1f |", without.flowsPerSecond(),
                without.errors, ms(without.flow, 50), ms(without.flow, 95), ms(without.flow, 99)));
        line(String.format("| purging %,d expired sessions | %.1f | %d | %.1f | %.1f | %.1f |", seeded,
                with.flowsPerSecond(), with.errors, ms(with.flow, 50), ms(with.flow, 95), ms(with.flow, 99)));
        line(String.format("Purge removed %,.0f of %,d rows in %.0f s (since the seeding%s); p99 with/without purge:"
                + " x%.2f; load average %s", removed, seeded, seconds,
                server.db.equals("postgres") ? "" : " and the server's restart", ms(with.flow, 99) / ms(without.flow,
                        99), loadAverage()));
    }

    private static double purgeRemoved(Load load) throws IOException, InterruptedException {
        HttpResponse<String> metrics = load.client.send(HttpRequest.newBuilder(URI.create(load.base + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines().filter(l -> l.startsWith("session_purge_removed"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    // ---- registry ------------------------------------------------------------------------------------------------

    void registry(BenchServer server, Load load) throws Exception {
        line("");
        line("### Registry at scale (" + server.db + ")");
        line("");
        long began = System.nanoTime();
        long rows = onDatabase(server, connection -> Seeding.bindings(connection, options.bindings));
        line(String.format("Seeded %,d bindings and their %,d change-feed events in %.0f s (set-based SQL%s)",
                rows / 2, rows / 2, (System.nanoTime() - began) / 1e9,
                server.db.equals("postgres") ? "" : ", with the server stopped for embedded Derby"));

        // Bulk check: 10,000 numbers, 90 % seeded and 10 % unknown; one warm-up, then the median of 5.
        Random random = new Random(14);
        StringBuilder body = new StringBuilder("{\"phoneNumbers\":[");
        for (int i = 0; i < 10_000; i++) {
            body.append(i == 0 ? "" : ",").append('"').append(i % 10 == 9 ? "+1" + (3_900_000_000L + i)
                    : Seeding.phone(random.nextInt(options.bindings))).append('"');
        }
        String bulk = body.append("]}").toString();
        long[] times = new long[6];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = load.send(load.post(load.gateway() + "/key-bindings/bulk-check", bulk)
                    .header("Authorization", load.basic).build(), 200);
            times[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (i == 0 && Load.JSON.readTree(answer.body()).path("count").asInt() != 10_000) {
                throw new IllegalStateException("bulk check answered " + answer.body().substring(0, 200));
            }
        }
        long[] measured = Arrays.copyOfRange(times, 1, times.length);
        Arrays.sort(measured);
        line(String.format("- bulk check of 10,000 numbers against %,d bindings: median %d ms (runs %s ms)",
                options.bindings, measured[measured.length / 2], Arrays.toString(Arrays.copyOfRange(times, 1,
                        times.length))));

        // Change feed: read from the start to the end, 1,000 changes per page.
        long feedStart = System.nanoTime();
        long changes = 0;
        String cursor = null;
        while (true) {
            String url = load.gateway() + "/key-bindings/changes?limit=1000"
                    + (cursor == null ? "" : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = Load.JSON.readTree(load.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", load.basic).build(), 200).body());
            changes += page.path("changes").size();
            cursor = page.path("nextCursor").asText();
            if (!page.path("hasMore").asBoolean()) {
                break;
            }
        }
        double feedSeconds = (System.nanoTime() - feedStart) / 1e9;
        line(String.format("- change feed: %,d changes read in %.1f s: %,.0f rows/s", changes, feedSeconds,
                changes / feedSeconds));

        // Lookups by phone number at c=8.
        Histogram lookups = lookups(load, 8, options.duration);
        line(String.format("- lookup by phone number (c=8, %d s): %,d lookups, %.0f/s, p50 %.1f ms, p99 %.1f ms;"
                + " load average %s", options.duration, lookups.getTotalCount(), lookups.getTotalCount()
                        / (double) options.duration, ms(lookups, 50), ms(lookups, 99), loadAverage()));
    }

    private Histogram lookups(Load load, int concurrency, int seconds) throws Exception {
        Histogram total = new Histogram(Load.MAX_MICROS, 3);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Histogram>> threads = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                long seed = t;
                threads.add(pool.submit(() -> {
                    Histogram mine = new Histogram(Load.MAX_MICROS, 3);
                    Random random = new Random(seed);
                    while (System.nanoTime() < end && !failed.get()) {
                        String phone = Seeding.phone(random.nextInt(options.bindings));
                        long t0 = System.nanoTime();
                        load.send(HttpRequest.newBuilder(URI.create(load.gateway() + "/key-bindings/search"))
                                .header("Authorization", load.basic).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"phoneNumber\":\"" + phone + "\"}"))
                                .build(), 200);
                        mine.recordValue(Math.min(Load.MAX_MICROS, (System.nanoTime() - t0) / 1000));
                    }
                    return mine;
                }));
            }
            for (Future<Histogram> thread : threads) {
                total.add(thread.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return total;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** SQL on the server's database: at once on PostgreSQL; on embedded Derby with the server stopped meanwhile. */
    private <T> T onDatabase(BenchServer server, BenchServer.SqlWork<T> work) throws Exception {
        if (server.db.equals("postgres")) {
            return server.sql(work);
        }
        server.stop();
        try {
            return server.sql(work);
        } finally {
            server.start();
        }
    }

    private static void resetSandbox(Load load) throws IOException, InterruptedException {
        load.client.send(HttpRequest.newBuilder(URI.create(load.sandbox() + "/control/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " "
                    + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[1];
        } catch (IOException notLinux) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Prints a line and rewrites the report with it, so that an interrupted run keeps what it measured. */
    private void line(String text) {
        System.out.println(text);
        System.out.flush();
        report.append(text).append('\n');
        try {
            Files.writeString(Path.of(options.report), report.toString());
        } catch (IOException e) {
            System.err.println("could not write " + options.report + ": " + e);
        }
    }
}
