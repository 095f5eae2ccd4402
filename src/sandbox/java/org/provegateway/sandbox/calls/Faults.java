package org.provegateway.sandbox.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pending faults. Several faults may be queued for one endpoint: they apply in the order they were added, each for its
 * own number of calls. Thread-safe.
 */
public final class Faults {

    private final List<Fault> pending = new ArrayList<>();
    private long nextId = 1;

    /** Queues a fault; its {@code id} is assigned here. */
    public synchronized Fault add(Fault fault) {
        Fault added = new Fault(nextId++, fault.endpoint(), fault.count(), fault.delayMillis(), fault.status(),
                fault.retryAfterSeconds(), fault.code(), fault.message(), fault.drop());
        pending.add(added);
        return added;
    }

    /** Takes one use of the first pending fault for the endpoint, if any. */
    public synchronized Optional<Fault> take(String endpoint) {
        for (int i = 0; i < pending.size(); i++) {
            Fault fault = pending.get(i);
            if (fault.endpoint().equals(endpoint)) {
                if (fault.count() <= 1) {
                    pending.remove(i);
                } else {
                    pending.set(i, fault.withCount(fault.count() - 1));
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    public synchronized List<Fault> pending() {
        return List.copyOf(pending);
    }

    public synchronized void clear() {
        pending.clear();
    }
}
