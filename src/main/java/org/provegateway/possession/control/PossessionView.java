package org.provegateway.possession.control;

import java.time.Instant;
import java.util.List;

import org.provegateway.session.entity.Reason;

/**
 * A Unified Authentication flow as the caller sees it.
 *
 * @param status one of {@code PENDING, VERIFIED, POSSESSION_FAILED, REBIND_REQUIRED, KEY_REVOKED,
 *               RISK_CHECK_FAILED, POSSESSION_REQUIRED, EXPIRED}
 */
public record PossessionView(
        String flowId,
        String status,
        String possessionType,
        String phoneNumber,
        String proveId,
        String deviceId,
        String customerReference,
        String clientRequestId,
        List<Reason> reasons,
        Instant expiresAt) {
}
