package it.org.provegateway.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Test-side driver of the emulator's control API: the simulated client step, counters, faults, reset. */
public final class Sandbox {

    private final String base;

    public Sandbox(String base) {
        this.base = base;
    }

    /** What Prove's Web SDK does in the browser: key, mobile-auth, otp, instant-link, cancel. */
    public Response clientStep(String authToken, String action, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post(base + "/control/client/" + authToken + "/" + action);
    }

    public Response clientStep(String authToken, String action) {
        return clientStep(authToken, action, Map.of());
    }

    /** How many requests the emulator received on one endpoint (e.g. "/v3/unify"). */
    public int calls(String endpoint) {
        Response answer = given().get(base + "/control/calls" + endpoint);
        return answer.statusCode() == 404 ? 0 : answer.then().statusCode(200).extract().jsonPath().getInt("count");
    }

    /**
     * How many requests on one endpoint the emulator answered 200: the calls Prove acted on. Unlike
     * {@link #calls}, not counting a 401 for a token the emulator no longer knows (a test class deploys a fresh
     * emulator, so the gateway's first call in a class is rejected once and repeated with a new token).
     */
    public int answered(String endpoint) {
        Response answer = given().get(base + "/control/calls" + endpoint);
        Object ok = answer.then().statusCode(200).extract().jsonPath().getMap("statuses").get("200");
        return ok == null ? 0 : ((Number) ok).intValue();
    }

    /** The most recent request body the emulator received on one endpoint. */
    public Map<String, Object> lastBody(String endpoint) {
        List<Map<String, Object>> bodies = given().get(base + "/control/calls" + endpoint).then().statusCode(200)
                .extract().jsonPath().getList("lastBodies");
        return bodies.get(bodies.size() - 1);
    }

    public void reset() {
        given().post(base + "/control/reset").then().statusCode(204);
    }

    public void fault(Map<String, ?> fault) {
        given().contentType(ContentType.JSON).body(fault).post(base + "/control/faults").then().statusCode(201);
    }

    public void settings(Map<String, ?> settings) {
        given().contentType(ContentType.JSON).body(settings).put(base + "/control/settings").then().statusCode(200);
    }
}
