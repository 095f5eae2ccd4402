package org.provegateway.session.control;

import java.util.ArrayList;
import java.util.List;

import org.provegateway.session.entity.Reason;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Prove's evaluation reasons as the gateway keeps them: stores the list of {@link Reason}s in
 * the session's {@code failure_reasons} column (JSON, bounded) so that a repeated status read answers the same.
 */
public final class Reasons {

    private static final int MAX_DESCRIPTION = 120;
    private static final int MAX_STORED = 1000;
    private static final Jsonb JSON = JsonbBuilder.create();

    private Reasons() {
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
}
