package org.provegateway.proveapi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Times every {@link ProveApi} call as its caller sees it and records the outcome in {@link ProveCalls}. Its
 * priority ({@code APPLICATION}) is below MicroProfile Fault Tolerance's ({@code PLATFORM_AFTER + 10}), so it
 * wraps the fault-tolerance interceptor: it sees the whole call with its retries, and it sees the refusals of an
 * open circuit breaker ({@code CircuitBreakerOpenException}) that never reach Prove.
 */
@Measured
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class MeasuredInterceptor {

    @Inject
    ProveCalls calls;

    @AroundInvoke
    Object measure(InvocationContext invocation) throws Exception {
        String operation = invocation.getMethod().getName();
        long began = System.nanoTime();
        try {
            Object answer = invocation.proceed();
            calls.record(operation, null, System.nanoTime() - began);
            return answer;
        } catch (Exception | Error e) {
            calls.record(operation, e, System.nanoTime() - began);
            throw e;
        }
    }
}
