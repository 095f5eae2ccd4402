package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import it.org.provegateway.support.Eventually;
import it.org.provegateway.support.Sandbox;
import it.org.provegateway.support.Tables;

/**
 * The registry's batch API with a small registry of 440 bindings (400 numbers and customers in every state): the bulk
 * check answers each of 10,000 items (the most one request may hold) correctly and in order, and the change feed,
 * read while flows run, returns every change exactly once. The registry is seeded once for the class (through the
 * test probe) and removed after. How fast this is against a million bindings is the benchmark's business
 * (docs/performance.md), not CI's.
 */
@TestInstance(Lifecycle.PER_CLASS)
class KeyBindingLookupsIT extends GatewayIT {

    static final int SEEDED = 400;
    /** Seeded number i is +1 300 000 0000 + i; numbers from +1 301 000 0000 are never seeded. */
    static final long SEEDED_BASE = 3_000_000_000L;
    static final long UNKNOWN_BASE = 3_010_000_000L;

    final Sandbox sandbox = new Sandbox(SANDBOX);
    final Instant now = Instant.now();

    @BeforeAll
    void seedRegistry() throws InterruptedException {
        // The gateway may still be migrating the schema when the first test class starts.
        long deadline = System.currentTimeMillis() + 180_000;
        while (given().get(HOST + "/health/ready").statusCode() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        sandbox.reset();
        Tables.reset(db, Tables.FLOWS);
        String columns = "INSERT INTO key_binding (id, device_id, active_device_id, phone_number, prove_id, customer_ref,"
                + " state, bound_at, last_used_at, state_changed_at, version) VALUES ";
        String live = columns + "(?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP),"
                + " CAST(? AS TIMESTAMP), 0)";
        String ended = columns + "(?, ?, NULL, ?, ?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP),"
                + " CAST(? AS TIMESTAMP), 0)";
        List<List<Object>> liveRows = new ArrayList<>();
        List<List<Object>> endedRows = new ArrayList<>();
        for (int i = 0; i < SEEDED; i++) {
            for (Seed seed : seeds(i)) {
                String device = "seed-dev-" + seed.id.charAt(7) + "-" + String.format("%06d", i);
                List<Object> row = new ArrayList<>(List.of(seed.id, device));
                if (seed.state.equals("ACTIVE") || seed.state.equals("STALE")) {
                    row.add(device);
                }
                row.addAll(List.of(seededNumber(i), String.format("PROVE-%06d", i), customerRef(i), seed.state,
                        ts(seed.boundAt), ts(seed.lastUsedAt), ts(seed.changedAt)));
                (row.size() == 10 ? liveRows : endedRows).add(row);
            }
        }
        int inserted = db.batch(live, liveRows) + db.batch(ended, endedRows);
        assertThat(inserted).isEqualTo(SEEDED + SEEDED / 10);
        assertThat(db.count("SELECT COUNT(*) FROM key_binding WHERE phone_number = ? AND customer_ref = ? AND id = ?",
                seededNumber(387), customerRef(387), seedId(0, 387))).isEqualTo(1);
    }

    @AfterAll
    void removeRegistry() {
        Tables.reset(db, Tables.FLOWS);
    }

    // ---- the seeded registry ---------------------------------------------------------------------------------

    record Seed(String id, String state, Instant boundAt, Instant lastUsedAt, Instant changedAt) {
    }

    /**
     * The bindings of number (and customer) i. i % 10: 0-3 active, 4 active but unused for 13 months, 5 stale,
     * 6 revoked, 7 deactivated, 8 superseded; 9: two bindings, a revoked one and either an active one (even i / 10)
     * or a deactivated one that ended later (odd i / 10).
     */
    List<Seed> seeds(int i) {
        Instant day = now.minus(Duration.ofDays(1));
        Instant longAgo = now.atZone(ZoneOffset.UTC).minusMonths(13).toInstant();
        Instant year = now.minus(Duration.ofDays(400));
        String first = seedId(0, i);
        return switch (i % 10) {
            case 0, 1, 2, 3 -> List.of(new Seed(first, "ACTIVE", year, day, year));
            case 4 -> List.of(new Seed(first, "ACTIVE", year, longAgo, year));
            case 5 -> List.of(new Seed(first, "STALE", year, day, day));
            case 6 -> List.of(new Seed(first, "REVOKED", year, day, day));
            case 7 -> List.of(new Seed(first, "DEACTIVATED", year, longAgo, day));
            case 8 -> List.of(new Seed(first, "SUPERSEDED", year, day, day));
            default -> List.of(new Seed(first, "REVOKED", year, year, now.minus(Duration.ofDays(60))),
                    (i / 10) % 2 == 0 ? new Seed(seedId(1, i), "ACTIVE", day, day, day)
                            : new Seed(seedId(1, i), "DEACTIVATED", year, longAgo, now.minus(Duration.ofDays(10))));
        };
    }

    /** The state the bulk check must answer for number (or customer) i, and the binding that decides it. */
    String[] expected(int i) {
        return switch (i % 10) {
            case 0, 1, 2, 3 -> new String[] {"ACTIVE", seedId(0, i)};
            case 4 -> new String[] {"DUE_FOR_DEACTIVATION", seedId(0, i)};
            case 5 -> new String[] {"STALE", seedId(0, i)};
            case 6 -> new String[] {"REVOKED", seedId(0, i)};
            case 7 -> new String[] {"DEACTIVATED", seedId(0, i)};
            case 8 -> new String[] {"SUPERSEDED", seedId(0, i)};
            default -> new String[] {(i / 10) % 2 == 0 ? "ACTIVE" : "DEACTIVATED", seedId(1, i)};
        };
    }

    static String seedId(int which, int i) {
        return String.format("seed%04d-0000-4000-8000-%012d", which, i);
    }

    static String seededNumber(int i) {
        return "+1" + (SEEDED_BASE + i);
    }

    static String customerRef(int i) {
        return String.format("SEED-%06d", i);
    }

    static String ts(Instant instant) {
        return Timestamp.from(instant).toString();
    }

    // ---- bulk check ------------------------------------------------------------------------------------------

    @Test
    void aBulkCheckOfTenThousandNumbersAnswersEachInOrder() {
        List<Object> items = new ArrayList<>();
        Map<Integer, String[]> expectations = new HashMap<>();
        for (int j = 0; j < 10_000; j++) {
            int kind = j % 100;
            if (kind < 90) {
                int i = (j * 7 + 3) % SEEDED;
                long national = SEEDED_BASE + i;
                // Two spellings of a number: E.164, and national with separators.
                items.add(j % 2 == 0 ? seededNumber(i) : String.format("(%03d) %03d-%04d", national / 10_000_000,
                        national / 10_000 % 1000, national % 10_000));
                String[] expected = expected(i);
                expectations.put(j, new String[] {expected[0], expected[1], seededNumber(i)});
            } else if (kind < 98) {
                items.add("+1" + (UNKNOWN_BASE + j));
                expectations.put(j, new String[] {"NONE", null, "+1" + (UNKNOWN_BASE + j)});
            } else if (kind == 98) {
                items.add(List.of("not a number", "12", "+44 12", "").get(j / 100 % 4));
                expectations.put(j, new String[] {"INVALID", null, null});
            } else {
                items.add(j / 100 % 2 == 0 ? null : 12_345);
                expectations.put(j, new String[] {"INVALID", null, null});
            }
        }
        JsonPath answer = given().contentType(ContentType.JSON).body(Collections.singletonMap("phoneNumbers", items))
                .post(API + "/key-bindings/bulk-check").then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();

        assertThat(answer.getString("lookup")).isEqualTo("phoneNumber");
        assertThat(answer.getInt("count")).isEqualTo(10_000);
        List<Map<String, Object>> results = answer.getList("results");
        assertThat(results).hasSize(10_000);
        Map<String, Integer> states = new HashMap<>();
        for (int j = 0; j < results.size(); j++) {
            Map<String, Object> result = results.get(j);
            String[] expected = expectations.get(j);
            assertThat(result.get("index")).as("index of result %d", j).isEqualTo(j);
            assertThat(result.get("state")).as("state of item %d (%s)", j, items.get(j)).isEqualTo(expected[0]);
            assertThat(result.get("bindingId")).as("binding of item %d", j).isEqualTo(expected[1]);
            assertThat(result.get("phoneNumber")).as("number of item %d", j).isEqualTo(expected[2]);
            if (expected[0].equals("INVALID")) {
                assertThat((String) result.get("error")).as("error of item %d", j).isNotBlank();
            }
            states.merge(expected[0], 1, Integer::sum);
        }
        assertThat(states.keySet()).containsExactlyInAnyOrder("ACTIVE", "DUE_FOR_DEACTIVATION", "STALE", "REVOKED",
                "DEACTIVATED", "SUPERSEDED", "NONE", "INVALID");
    }

    @Test
    void aBulkCheckOfCustomerReferencesAnswersEachInOrder() {
        List<Object> items = new ArrayList<>();
        for (int j = 0; j < 2_000; j++) {
            items.add(j % 10 == 9 ? "NOBODY-" + j : customerRef(j * 13 % SEEDED));
        }
        // Not customer references by the rules of every other endpoint: invalid, and never echoed.
        List<String> bad = List.of("x".repeat(65), "   ", "<script>alert(1)</script>", "CUST 1", " " + customerRef(13),
                "x' OR '1'='1", "caf\u00e9", "a\u0000b", "");
        items.addAll(bad);
        String raw = given().contentType(ContentType.JSON)
                .body(Map.of("customerReferences", items)).post(API + "/key-bindings/bulk-check").then()
                .statusCode(200).extract().asString();
        assertThat(raw).doesNotContain("<script", "alert(", "CUST 1", "' OR '", "caf\u00e9");
        JsonPath answer = JsonPath.from(raw);
        assertThat(answer.getString("lookup")).isEqualTo("customerReference");
        List<Map<String, Object>> results = answer.getList("results");
        assertThat(results).hasSize(2_000 + bad.size());
        for (int j = 0; j < 2_000; j++) {
            Map<String, Object> result = results.get(j);
            assertThat(result.get("index")).isEqualTo(j);
            assertThat(result.get("customerReference")).isEqualTo(items.get(j));
            if (j % 10 == 9) {
                assertThat(result.get("state")).as("item %d", j).isEqualTo("NONE");
            } else {
                String[] expected = expected(j * 13 % SEEDED);
                assertThat(result.get("state")).as("item %d", j).isEqualTo(expected[0]);
                assertThat(result.get("bindingId")).as("item %d", j).isEqualTo(expected[1]);
            }
        }
        assertThat(results.subList(2_000, 2_000 + bad.size())).allSatisfy(result -> {
            assertThat(result.get("state")).isEqualTo("INVALID");
            assertThat(result).doesNotContainKey("customerReference").containsKey("error");
        });
    }

    @Test
    void malformedOrOversizedBulkChecksAreRefusedWhole() {
        List<String> tooMany = Collections.nCopies(10_001, "2001004014");
        given().contentType(ContentType.JSON).body(Map.of("phoneNumbers", tooMany))
                .post(API + "/key-bindings/bulk-check").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://prove-gateway.dev/problems/payload-too-large"));
        given().contentType(ContentType.JSON).body(Map.of("phoneNumbers", Collections.nCopies(10_000, "2001004014")))
                .post(API + "/key-bindings/bulk-check").then().statusCode(200).body("count", equalTo(10_000));
        for (String body : List.of("{}", "[]", "{\"phoneNumbers\":[\"2001004014\"],\"customerReferences\":[]}",
                "{\"phoneNumbers\":\"2001004014\"}", "{\"deviceIds\":[\"a\"]}", "{\"phoneNumbers\":[\"2001004014\"",
                "not json")) {
            given().contentType(ContentType.JSON).body(body).post(API + "/key-bindings/bulk-check").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://prove-gateway.dev/problems/invalid-request"));
        }
        given().contentType(ContentType.JSON).body("{\"customerReferences\":[]}")
                .post(API + "/key-bindings/bulk-check").then().statusCode(200).body("results", hasSize(0))
                .body("count", equalTo(0));
    }

    // ---- change feed -----------------------------------------------------------------------------------------

    /** Reads the feed from the cursor to its current end; answers the changes and the cursor after them. */
    List<Map<String, Object>> readAll(String[] cursor, int limit) {
        List<Map<String, Object>> changes = new ArrayList<>();
        while (true) {
            var request = given().queryParam("limit", limit);
            if (cursor[0] != null) {
                request.queryParam("after", cursor[0]);
            }
            JsonPath page = request.get(API + "/key-bindings/changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> found = page.getList("changes");
            assertThat(found.size()).isLessThanOrEqualTo(limit);
            changes.addAll(found);
            cursor[0] = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return changes;
            }
        }
    }

    long lastSeq() {
        String max = db.single("SELECT MAX(seq) AS m FROM key_binding_event").get("m");
        return max == null ? 0 : Long.parseLong(max);
    }

    /** A mobile flow of Lorant passed with the SMS code on a device; answers the flow's deviceId. */
    String passOtp(String customer, String device) {
        return passOtp("2001004014", customer, device);
    }

    /** A mobile flow passed with the SMS code on a device; answers the flow's deviceId. */
    String passOtp(String phone, String customer, String device) {
        JsonPath started = given().contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", phone, "possessionType", "mobile", "customerReference", customer))
                .post(API + "/possession-flows").then().statusCode(201).extract().jsonPath();
        sandbox.clientStep(started.getString("authToken"), "otp", Map.of("device", device, "otp", "1234")).then()
                .statusCode(200);
        return given().post(API + "/possession-flows/" + started.getString("flowId") + "/result").then().statusCode(200)
                .body("status", equalTo("VERIFIED")).extract().jsonPath().getString("deviceId");
    }

    /**
     * One writer's round: bind on a new device (otp), use the key again, revoke it, bind another by unify-bind. Each
     * writer has its own test user, so that device recovery (by phone number) never picks another writer's key while
     * that one is being revoked.
     */
    void writerRound(String phone, String name) {
        String customer = "FEED-" + name;
        String deviceId = passOtp(phone, customer, "dev-" + name);
        JsonPath again = given().contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", phone, "possessionType", "mobile", "customerReference", customer))
                .post(API + "/possession-flows").then().statusCode(201).extract().jsonPath();
        sandbox.clientStep(again.getString("authToken"), "key", Map.of("device", "dev-" + name)).then()
                .statusCode(200);
        given().post(API + "/possession-flows/" + again.getString("flowId") + "/result").then().statusCode(200)
                .body("status", equalTo("VERIFIED"));
        String bindingId = given().queryParam("deviceId", deviceId).get(API + "/key-bindings").then().statusCode(200)
                .extract().jsonPath().getString("[0].bindingId");
        given().post(API + "/key-bindings/" + bindingId + "/revoke").then().statusCode(200)
                .body("state", equalTo("REVOKED"));

        JsonPath none = given().contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", phone, "possessionType", "none", "customerReference", customer + "-b"))
                .post(API + "/possession-flows").then().statusCode(201).extract().jsonPath();
        sandbox.clientStep(none.getString("authToken"), "key", Map.of("device", "bind-" + name)).then()
                .statusCode(200);
        given().post(API + "/possession-flows/" + none.getString("flowId") + "/result").then().statusCode(200)
                .body("status", equalTo("POSSESSION_REQUIRED"));
        given().contentType(ContentType.JSON).body(Map.of("possessionCheckPassed", true))
                .post(API + "/possession-flows/" + none.getString("flowId") + "/bind").then().statusCode(200)
                .body("status", equalTo("VERIFIED"));
    }

    @Test
    void theChangeFeedReadWhileFlowsRunReturnsEveryChangeExactlyOnce() throws Exception {
        String[] cursor = {null};
        readAll(cursor, 1000);
        long startSeq = lastSeq();
        List<String> users = List.of("2001004014", "2001004016", "+2001004025"); // Lorant, Inge, Bertie: otp 1234
        int writers = users.size();
        int rounds = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String writer = "w" + w + "-" + UUID.randomUUID().toString().substring(0, 8);
                String phone = users.get(w);
                work.add(CompletableFuture.runAsync(() -> {
                    for (int r = 0; r < rounds; r++) {
                        writerRound(phone, writer + "-" + r);
                    }
                }, pool));
            }
            CompletableFuture<List<Map<String, Object>>> reader = CompletableFuture.supplyAsync(() -> {
                List<Map<String, Object>> seen = new ArrayList<>();
                int pages = 0;
                while (writing.get()) {
                    seen.addAll(readAll(cursor, 3));
                    pages++;
                }
                seen.addAll(readAll(cursor, 3)); // what committed after the last read while writing
                System.out.printf("Change feed: %d changes read in %d+ passes while flows ran%n", seen.size(), pages);
                return seen;
            }, pool);
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            writing.set(false);
            List<Map<String, Object>> seen = reader.get(1, TimeUnit.MINUTES);

            List<Map<String, String>> stored = db.rows(
                    "SELECT binding_id, event FROM key_binding_event WHERE seq > ? ORDER BY seq", startSeq);
            assertThat(stored).hasSize(writers * rounds * 4);
            assertThat(seen).extracting(change -> change.get("bindingId") + " " + change.get("event"))
                    .as("the feed: every stored change once, in order")
                    .containsExactlyElementsOf(stored.stream()
                            .map(row -> row.get("binding_id") + " " + row.get("event")).toList());
            Set<Object> cursors = new HashSet<>();
            seen.forEach(change -> cursors.add(change.get("cursor")));
            assertThat(cursors).as("one cursor per change").hasSize(seen.size());
            assertThat(seen).extracting(change -> change.get("event")).containsOnly("BOUND", "USED", "REVOKED");
            assertThat(readAll(cursor, 1000)).as("nothing after the end").isEmpty();
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    /**
     * How long the "other node" holds the feed's lock: shorter than the gateway's lock wait (Derby 1 s) and statement
     * timeout (2 s), so that waiting for it is what a healthy node sees. A node that holds it longer is a stalled
     * node: the others then answer 503 database-unavailable with Retry-After (as DatabaseFaultsIT shows for a locked
     * table), not wrong data.
     */
    static final int HOLD_MILLIS = 500;

    /**
     * Another node's transaction holds the feed's lock with an uncommitted event while this node revokes a key: the
     * revocation waits for it, and a reader polling meanwhile gets both changes, the other node's first.
     */
    @Test
    void aBindingChangeWaitsForAnEarlierUncommittedChangeSoReadersNeverSkipIt() throws Exception {
        String customer = "HOLD-" + UUID.randomUUID();
        String deviceId = passOtp(customer, "hold-" + customer);
        String bindingId = given().queryParam("deviceId", deviceId).get(API + "/key-bindings").then().statusCode(200)
                .extract().jsonPath().getString("[0].bindingId");
        String[] cursor = {null};
        readAll(cursor, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<Long> otherNode = CompletableFuture.supplyAsync(() -> db.holdTransaction(List.of(
                    Map.of("sql", "UPDATE key_binding_feed SET changes = changes + 1 WHERE id = 1"),
                    Map.of("sql", "INSERT INTO key_binding_event (id, binding_id, event, detail, occurred_at) "
                            + "VALUES (?, ?, 'USED', 'other node', CURRENT_TIMESTAMP)",
                            "params", List.of(UUID.randomUUID().toString(), seedId(0, 0)))), HOLD_MILLIS), pool);
            Eventually.until(Duration.ofSeconds(10), "the other node holds the feed lock",
                    () -> db.writeLocked("key_binding_feed"));
            CompletableFuture<Long> revoked = CompletableFuture.supplyAsync(() -> {
                given().post(API + "/key-bindings/" + bindingId + "/revoke").then().statusCode(200);
                return System.currentTimeMillis();
            }, pool);
            List<Map<String, Object>> seen = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (seen.size() < 2 && System.currentTimeMillis() < deadline) {
                seen.addAll(readAll(cursor, 1));
                Thread.sleep(20);
            }
            long committed = otherNode.get(30, TimeUnit.SECONDS);
            assertThat(revoked.get(30, TimeUnit.SECONDS)).as("the revocation committed after the other node")
                    .isGreaterThanOrEqualTo(committed);
            seen.addAll(readAll(cursor, 1000));
            assertThat(seen).extracting(change -> change.get("bindingId") + " " + change.get("event"))
                    .containsExactly(seedId(0, 0) + " USED", bindingId + " REVOKED");
        } finally {
            // the held transaction lives on the server: let it end before the next test writes bindings
            Eventually.until(Duration.ofSeconds(30), "the other node's transaction has ended",
                    () -> !db.writeLocked("key_binding_feed"));
            pool.shutdownNow();
        }
    }

    @Test
    void theChangeFeedRefusesBadCursorsAndLimitsAndKeepsItsCursorsStable() {
        String customer = "CURSOR-" + UUID.randomUUID();
        String[] cursor = {null};
        readAll(cursor, 1000);
        String before = cursor[0];
        String deviceId = passOtp(customer, "cursor-" + customer);
        JsonPath page = given().queryParam("after", before).get(API + "/key-bindings/changes").then().statusCode(200)
                .body("changes", hasSize(1)).body("hasMore", equalTo(false)).extract().jsonPath();
        assertThat(page.getString("changes[0].event")).isEqualTo("BOUND");
        assertThat(page.getString("changes[0].state")).isEqualTo("ACTIVE");
        assertThat(page.getString("changes[0].deviceId")).isEqualTo(deviceId);
        assertThat(page.getString("changes[0].phoneNumber")).isEqualTo("+12001004014");
        assertThat(page.getString("changes[0].customerReference")).isEqualTo(customer);
        assertThat(page.getString("nextCursor")).isEqualTo(page.getString("changes[0].cursor"));
        // Stable: the same cursor answers the same page again; the end keeps its cursor.
        given().queryParam("after", before).get(API + "/key-bindings/changes").then().statusCode(200)
                .body("nextCursor", equalTo(page.getString("nextCursor")));
        given().queryParam("after", page.getString("nextCursor")).get(API + "/key-bindings/changes").then()
                .statusCode(200).body("changes", hasSize(0))
                .body("nextCursor", equalTo(page.getString("nextCursor")));

        // Cursors the gateway did not issue: unsigned ones as earlier versions made (kb1.999999 read as "caught up"),
        // one with a moved position, one signed by another installation (another database's secret).
        String genuine = page.getString("nextCursor");
        String moved = Base64.getUrlEncoder().withoutPadding().encodeToString("kb2.999999".getBytes())
                + genuine.substring(genuine.indexOf('.'));
        String otherInstallation = Base64.getUrlEncoder().withoutPadding().encodeToString("kb2.1".getBytes()) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
        for (String bad : List.of("nonsense", "a2IxLi0x", "a2IxLjEyYQ", "a2IyLjE",
                Base64.getUrlEncoder().withoutPadding().encodeToString("kb1.999999".getBytes()), moved,
                otherInstallation, genuine + "x")) {
            given().queryParam("after", bad).get(API + "/key-bindings/changes").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://prove-gateway.dev/problems/invalid-request"))
                    .body("errors[0].field", equalTo("after"));
        }
        for (String bad : List.of("0", "1001", "-5", "many")) {
            given().queryParam("limit", bad).get(API + "/key-bindings/changes").then().statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
    }

}
