package org.provegateway.sandbox.unify;

import java.util.Optional;

/** The optional switches and echoes of a {@code /v3/unify} request that the flow keeps. */
public record UnifyOptions(boolean rebind, boolean allowOtpRetry, boolean checkReputation, String clientRequestId,
        Optional<String> clientHumanId) {
}
