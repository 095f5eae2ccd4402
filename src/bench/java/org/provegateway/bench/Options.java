package org.provegateway.bench;

import java.util.Arrays;
import java.util.List;

/** The benchmark's options: system properties {@code bench.*} (the bench profile in pom.xml passes each). */
final class Options {

    final List<String> dbs = list("bench.db", "derby,postgres");
    final List<String> scenarios = list("bench.scenarios", "flows,registry,purge");
    final List<Integer> concurrency = list("bench.concurrency", "1,8,32,64").stream().map(Integer::valueOf).toList();
    final int warmup = Integer.parseInt(value("bench.warmup", "10"));
    final int duration = Integer.parseInt(value("bench.duration", "20"));
    final int bindings = Integer.parseInt(value("bench.bindings", "1000000"));
    final int purgeRows = Integer.parseInt(value("bench.purge.rows", "300000"));
    final int heapFlows = Integer.parseInt(value("bench.heap.flows", "10000"));
    final boolean jfr = Boolean.parseBoolean(value("bench.jfr", "false"));
    final String serverName = value("bench.server.name", "prove-bench");
    final int httpPort = Integer.parseInt(value("bench.http.port", "9780"));
    final int httpsPort = Integer.parseInt(value("bench.https.port", "10143"));
    final String pgUrl = value("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    final String pgSchema = value("bench.pg.schema", "prove_bench");
    final String pgUser = value("bench.pg.user", "postgres");
    final String pgPassword = value("bench.pg.password", "");
    final String wlpHome = value("bench.wlp.home", "target/liberty/wlp");
    final String serverXml = value("bench.server.xml", "liberty/config/server.xml");
    final String config = value("bench.config", "src/bench/liberty/bench.xml");
    final String gatewayWar = value("bench.gateway.war", "target/prove-gateway.war");
    /** Optional: a baseline gateway WAR (e.g. built from an older commit) whose flows run first, on each database. */
    final String baselineWar = value("bench.baseline.war", "");
    final String sandboxWar = value("bench.sandbox.war", "target/prove-sandbox.war");
    final String report = value("bench.report", "target/bench-report.md");

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    @Override
    public String toString() {
        return "db=" + dbs + " scenarios=" + scenarios + " concurrency=" + concurrency + " warmup=" + warmup
                + "s duration=" + duration + "s bindings=" + bindings + " purge.rows=" + purgeRows + " heap.flows="
                + heapFlows + " jfr=" + jfr + (baselineWar.isEmpty() ? "" : " baseline=" + baselineWar);
    }

    private static String value(String key, String fallback) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static List<String> list(String key, String fallback) {
        return Arrays.stream(value(key, fallback).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
