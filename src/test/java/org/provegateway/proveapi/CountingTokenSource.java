package org.provegateway.proveapi;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.provegateway.proveapi.wire.TokenResponse;

/** A token source that hands out "token-1", "token-2", ... and counts its calls; behaviour per call number. */
final class CountingTokenSource implements TokenSource {

    private final AtomicInteger calls = new AtomicInteger();
    private final IntFunction<TokenResponse> answer;

    CountingTokenSource(IntFunction<TokenResponse> answer) {
        this.answer = answer;
    }

    /** Bearer tokens valid for an hour. */
    static CountingTokenSource hourly() {
        return new CountingTokenSource(call -> bearer("token-" + call, 3600L));
    }

    static TokenResponse bearer(String token, Long expiresIn) {
        return new TokenResponse(token, "Bearer", expiresIn, null, null);
    }

    @Override
    public TokenResponse fetch() {
        return answer.apply(calls.incrementAndGet());
    }

    int calls() {
        return calls.get();
    }
}
