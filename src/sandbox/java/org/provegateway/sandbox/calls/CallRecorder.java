package org.provegateway.sandbox.calls;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Call counters per endpoint path: number of calls, number per answered status (including 401, 429 and injected
 * faults; a dropped connection counts as {@code "dropped"}), and the last 20 request bodies, oldest first.
 * Thread-safe.
 */
public final class CallRecorder {

    /** How many request bodies are kept per endpoint. */
    public static final int KEPT_BODIES = 20;

    private static final class EndpointCalls {
        private long count;
        private final Map<String, Long> statuses = new TreeMap<>();
        private final Deque<JsonValue> lastBodies = new ArrayDeque<>();

        void record(String status, JsonValue body) {
            count++;
            statuses.merge(status, 1L, Long::sum);
            if (lastBodies.size() == KEPT_BODIES) {
                lastBodies.removeFirst();
            }
            lastBodies.addLast(body);
        }

        JsonObject toJson() {
            JsonObjectBuilder byStatus = Json.createObjectBuilder();
            statuses.forEach(byStatus::add);
            JsonArrayBuilder bodies = Json.createArrayBuilder();
            lastBodies.forEach(bodies::add);
            return Json.createObjectBuilder().add("count", count).add("statuses", byStatus)
                    .add("lastBodies", bodies).build();
        }
    }

    private final Map<String, EndpointCalls> byEndpoint = new TreeMap<>();

    public synchronized void record(String endpoint, String status, JsonValue body) {
        byEndpoint.computeIfAbsent(endpoint, e -> new EndpointCalls()).record(status, body);
    }

    /** {@code {"/v3/unify":{"count":n,"statuses":{"200":n},"lastBodies":[...]},...}}. */
    public synchronized JsonObject all() {
        JsonObjectBuilder all = Json.createObjectBuilder();
        byEndpoint.forEach((endpoint, calls) -> all.add(endpoint, calls.toJson()));
        return all.build();
    }

    /** One endpoint; an endpoint never called answers zero counts rather than "not found". */
    public synchronized JsonObject of(String endpoint) {
        EndpointCalls calls = byEndpoint.get(endpoint);
        return calls == null ? new EndpointCalls().toJson() : calls.toJson();
    }

    public synchronized void clear() {
        byEndpoint.clear();
    }
}
