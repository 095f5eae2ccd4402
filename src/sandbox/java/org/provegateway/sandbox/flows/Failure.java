package org.provegateway.sandbox.flows;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Global Fraud Policy failure reasons the emulator emits in {@code evaluation} (docs/sandbox.md section 2). */
public enum Failure {
    /** D14: Prove-led possession failed, was cancelled, or never ran (D8). */
    POSSESSION_INCOMPLETE("9100", "Phone possession incomplete"),
    /** D13: the device's Prove Key is bound to another number. */
    KEY_MISMATCH("9101", "phone number doesn't match Prove Key"),
    /** D16: reputation check failed (Penny, Amii with {@code checkReputation=true}). */
    UNTRUSTED_SIM("9133", "untrusted per SIM Key Trust Score");

    private final String code;
    private final String description;

    Failure(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public JsonObject reasons() {
        return Json.createObjectBuilder().add(code, description).build();
    }

    /** {@code {"result":"pass"}}. */
    public static JsonObject pass() {
        return Json.createObjectBuilder().add("result", "pass").build();
    }

    /** {@code {"result":"fail","failureReasons":{code:description}}}. */
    public JsonObject fail() {
        return Json.createObjectBuilder().add("result", "fail").add("failureReasons", reasons()).build();
    }

    /** {@code {"authentication":{"result":"pass"}}}. */
    public static JsonObject authenticationPassed() {
        return Json.createObjectBuilder().add("authentication", pass()).build();
    }

    /** {@code {"authentication":{"result":"fail","failureReasons":{...}}}}. */
    public JsonObject authenticationFailed() {
        return Json.createObjectBuilder().add("authentication", fail()).build();
    }

    /** {@code {"authentication":{"result":"pass"},"risk":{"result":"fail","failureReasons":{...}}}}. */
    public JsonObject riskFailed() {
        return Json.createObjectBuilder().add("authentication", pass()).add("risk", fail()).build();
    }
}
