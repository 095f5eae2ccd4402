package org.provegateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Closed-loop load: {@code c} threads, each running one flow after the other for warm-up plus the measured time;
 * only flows that start after the warm-up are recorded. Each step's latency goes into an HdrHistogram (microseconds).
 *
 * <p>Gateway flow: {@code POST /possession-flows} (mobile, SMS OTP user, a new customer reference, with an
 * {@code Idempotency-Key} as a bank's back end that retries safely sends it), the customer's OTP step at the emulator's
 * {@code /control/client/{authToken}/otp}, then the outcome: {@code POST /possession-flows/{id}/result}, or
 * {@code GET /possession-flows/{id}} on a gateway that answers the POST with 404/405. Direct flow: the same three
 * calls straight at the emulator ({@code /v3/unify}, the same OTP step, {@code /v3/unify-status}) with one access
 * token, as the gateway would make them.
 */
final class Load {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] PHONES = {"2001004014", "+2001004025"}; // Lorant, Bertie: SMS OTP 1234
    static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(2);

    final String base;
    final HttpClient client;
    final String basic = "Basic " + Base64.getEncoder().encodeToString("operator:demo-operator"
            .getBytes(StandardCharsets.UTF_8));
    private final AtomicBoolean outcomeByGet = new AtomicBoolean();
    private String token;

    Load(String base) {
        this.base = base;
        // One client (its own connection pool, HTTP/1.1 keep-alive) for all threads, like a bank's back end.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    String gateway() {
        return base + "/prove-gateway/api/v1";
    }

    String sandbox() {
        return base + "/prove-sandbox";
    }

    boolean outcomeByGet() {
        return outcomeByGet.get();
    }

    /** What one measured run gives. */
    static final class Result {
        final String mode;
        final int concurrency;
        final Map<String, Histogram> steps = new LinkedHashMap<>();
        final Histogram flow = new Histogram(MAX_MICROS, 3);
        long flows;
        long errors;
        double seconds;
        final List<String> errorSamples = new ArrayList<>();

        Result(String mode, int concurrency, List<String> stepNames) {
            this.mode = mode;
            this.concurrency = concurrency;
            stepNames.forEach(step -> steps.put(step, new Histogram(MAX_MICROS, 3)));
        }

        double flowsPerSecond() {
            return flows / seconds;
        }

        synchronized void add(Result other) {
            other.steps.forEach((step, histogram) -> steps.get(step).add(histogram));
            flow.add(other.flow);
            flows += other.flows;
            errors += other.errors;
            if (errorSamples.size() < 5) {
                errorSamples.addAll(other.errorSamples.subList(0, Math.min(5, other.errorSamples.size())));
            }
        }
    }

    /** A flow's steps; throws {@link Failed} when a step answers other than expected. */
    interface Flow {
        void run(long[] stepMicros) throws IOException, InterruptedException;
    }

    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message, null, false, false);
        }
    }

    Result run(String mode, int concurrency, int warmupSeconds, int seconds) throws Exception {
        List<String> names = mode.equals("gateway") ? List.of("start", "client-otp", "outcome")
                : List.of("unify", "client-otp", "unify-status");
        Flow flow = mode.equals("gateway") ? this::gatewayFlow : this::directFlow;
        if (mode.equals("direct")) {
            token();
        }
        Result total = new Result(mode, concurrency, names);
        long begin = System.nanoTime();
        long measureFrom = begin + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Result>> threads = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                threads.add(pool.submit(() -> {
                    Result mine = new Result(mode, concurrency, names);
                    long[] micros = new long[names.size()];
                    while (true) {
                        long started = System.nanoTime();
                        if (started >= end) {
                            return mine;
                        }
                        boolean measured = started >= measureFrom;
                        try {
                            flow.run(micros);
                            long took = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started);
                            if (measured && System.nanoTime() <= end) {
                                for (int i = 0; i < names.size(); i++) {
                                    mine.steps.get(names.get(i)).recordValue(Math.min(micros[i], MAX_MICROS));
                                }
                                mine.flow.recordValue(Math.min(took, MAX_MICROS));
                                mine.flows++;
                            }
                        } catch (Failed | IOException e) {
                            if (measured) {
                                mine.errors++;
                                if (mine.errorSamples.size() < 5) {
                                    mine.errorSamples.add(e.getMessage());
                                }
                            }
                        }
                    }
                }));
            }
            for (Future<Result> thread : threads) {
                total.add(thread.get());
            }
        } finally {
            pool.shutdownNow();
        }
        total.seconds = seconds;
        return total;
    }

    void gatewayFlow(long[] micros) throws IOException, InterruptedException {
        String phone = PHONES[(int) (Thread.currentThread().getId() % PHONES.length)];
        String customer = "BENCH-" + UUID.randomUUID();
        long t0 = System.nanoTime();
        HttpResponse<String> started = send(post(gateway() + "/possession-flows", "{\"phoneNumber\":\"" + phone
                + "\",\"possessionType\":\"mobile\",\"customerReference\":\"" + customer + "\"}")
                .header("Authorization", basic).header("Idempotency-Key", UUID.randomUUID().toString()).build(),
                201);
        long t1 = System.nanoTime();
        JsonNode flow = JSON.readTree(started.body());
        clientOtp(flow.path("authToken").asText());
        long t2 = System.nanoTime();
        String outcome = outcome(flow.path("flowId").asText());
        long t3 = System.nanoTime();
        if (!outcome.contains("\"VERIFIED\"")) {
            throw new Failed("outcome not VERIFIED: " + outcome);
        }
        micros[0] = (t1 - t0) / 1000;
        micros[1] = (t2 - t1) / 1000;
        micros[2] = (t3 - t2) / 1000;
    }

    void directFlow(long[] micros) throws IOException, InterruptedException {
        String phone = PHONES[(int) (Thread.currentThread().getId() % PHONES.length)];
        long t0 = System.nanoTime();
        HttpResponse<String> started = send(post(sandbox() + "/v3/unify", "{\"possessionType\":\"mobile\","
                + "\"clientRequestId\":\"" + UUID.randomUUID() + "\",\"phoneNumber\":\"" + phone + "\"}")
                .header("Authorization", "Bearer " + token).build(), 200);
        long t1 = System.nanoTime();
        JsonNode flow = JSON.readTree(started.body());
        clientOtp(flow.path("authToken").asText());
        long t2 = System.nanoTime();
        HttpResponse<String> status = send(post(sandbox() + "/v3/unify-status", "{\"correlationId\":\""
                + flow.path("correlationId").asText() + "\"}").header("Authorization", "Bearer " + token).build(),
                200);
        long t3 = System.nanoTime();
        if (!status.body().contains("\"success\":\"true\"") && !status.body().contains("\"success\":true")) {
            throw new Failed("unify-status not successful: " + status.body());
        }
        micros[0] = (t1 - t0) / 1000;
        micros[1] = (t2 - t1) / 1000;
        micros[2] = (t3 - t2) / 1000;
    }

    private void clientOtp(String authToken) throws IOException, InterruptedException {
        send(post(sandbox() + "/control/client/" + authToken + "/otp", "{\"device\":\"bench-" + UUID.randomUUID()
                + "\",\"otp\":\"1234\"}").build(), 200);
    }

    /** POST .../result (the outcome step), or GET on a gateway that does not have it (404/405 to the POST). */
    private String outcome(String flowId) throws IOException, InterruptedException {
        String url = gateway() + "/possession-flows/" + flowId;
        if (!outcomeByGet.get()) {
            HttpResponse<String> posted = client.send(post(url + "/result", "{}").header("Authorization", basic)
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() == 200) {
                return posted.body();
            }
            if (posted.statusCode() != 404 && posted.statusCode() != 405) {
                throw new Failed("POST /result answered " + posted.statusCode() + ": " + posted.body());
            }
        }
        HttpResponse<String> got = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic)
                .GET().build(), 200);
        outcomeByGet.set(true);
        return got.body();
    }

    void token() throws IOException, InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(sandbox() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=demo-client-id"
                        + "&client_secret=demo-client-secret")).build(), 200);
        token = JSON.readTree(answer.body()).path("access_token").asText();
    }

    HttpRequest.Builder post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    HttpResponse<String> send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            String body = response.body();
            throw new Failed(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
                    + ": " + body.substring(0, Math.min(200, body.length())));
        }
        return response;
    }
}
