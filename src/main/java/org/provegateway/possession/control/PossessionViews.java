package org.provegateway.possession.control;

import java.time.Instant;

import org.provegateway.session.control.Reasons;
import org.provegateway.session.entity.FlowSession;
import org.provegateway.session.entity.FlowState;

/** Builds the caller's view of a possession flow from its session. */
final class PossessionViews {

    static final String EXPIRED = "EXPIRED";

    private PossessionViews() {
    }

    static PossessionView of(FlowSession session, Instant now) {
        FlowState state = session.state();
        String status = !state.isFinal() && session.isExpired(now) ? EXPIRED : state.name();
        return new PossessionView(session.id(), status, session.flowType(), session.phoneNumber().orElse(null),
                session.proveId().orElse(null), session.deviceId().orElse(null),
                session.customerRef().orElse(null), session.clientRequestId(),
                Reasons.decode(session.failureReasons().orElse(null)), session.expiresAt());
    }
}
