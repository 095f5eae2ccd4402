package org.provegateway.session.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.provegateway.proveapi.wire.EvaluationCategory;
import org.provegateway.session.entity.Reason;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Converts Prove's {@code evaluation} map into the gateway's flat list of {@link Reason}s, and stores that list in
 * the session's {@code failure_reasons} column (JSON, bounded) so that a repeated status read answers the same.
 */
public final class Reasons {

    private static final int MAX_DESCRIPTION = 120;
    private static final int MAX_STORED = 1000;
    private static final Jsonb JSON = JsonbBuilder.create();

    private Reasons() {
    }

    public static List<Reason> of(Map<String, EvaluationCategory> evaluation) {
        List<Reason> reasons = new ArrayList<>();
        if (evaluation == null) {
            return reasons;
        }
        new TreeMap<>(evaluation).forEach((category, value) -> {
            if (value == null) {
                return;
            }
            if (value.failureReasons() == null || value.failureReasons().isEmpty()) {
                reasons.add(new Reason(category, value.result(), null, null));
            } else {
                new TreeMap<>(value.failureReasons()).forEach((code, description) -> reasons.add(
                        new Reason(category, value.result(), code, truncate(description))));
            }
        });
        return reasons;
    }

    public static boolean hasCode(List<Reason> reasons, String code) {
        return reasons.stream().anyMatch(reason -> code.equals(reason.code()));
    }

    public static boolean failed(List<Reason> reasons, String category) {
        return reasons.stream().anyMatch(r -> category.equals(r.category()) && "fail".equalsIgnoreCase(r.result()));
    }

    public static String encode(List<Reason> reasons) {
        List<Reason> kept = new ArrayList<>(reasons);
        String json = JSON.toJson(kept);
        while (json.length() > MAX_STORED && !kept.isEmpty()) {
            kept.remove(kept.size() - 1);
            json = JSON.toJson(kept);
        }
        return json;
    }

    public static List<Reason> decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        Reason[] reasons = JSON.fromJson(stored, Reason[].class);
        return List.of(reasons);
    }

    private static String truncate(String description) {
        if (description == null) {
            return null;
        }
        return description.length() <= MAX_DESCRIPTION ? description : description.substring(0, MAX_DESCRIPTION);
    }
}
