package it.org.provegateway.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * TEST ONLY: waits for a condition instead of sleeping a fixed time (the machine running the tests is shared and
 * its speed varies): polls every {@value #POLL_MILLIS} ms until the condition holds or the deadline passes.
 */
public final class Eventually {

    static final long POLL_MILLIS = 100;

    private Eventually() {
    }

    /** Waits until {@code condition} holds; fails with {@code what} after {@code within}. */
    public static void until(Duration within, String what, BooleanSupplier condition) {
        get(within, what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** Waits until {@code value} answers something other than {@code null}, and answers it. */
    public static <T> T get(Duration within, String what, Supplier<T> value) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T answer = value.get();
            if (answer != null) {
                return answer;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
