package org.provegateway.binding.control;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.provegateway.binding.entity.KeyBinding;

/**
 * What a bulk check answers for one phone number or customer reference: the state of its most telling binding.
 *
 * <p>A number or customer may have several bindings (several devices, and history). If any is live, the best live one
 * counts ({@link #ACTIVE}, then {@link #DUE_FOR_DEACTIVATION}, then {@link #STALE}; the most recently used first):
 * a working key is what a batch caller needs to know about. Otherwise the binding that changed last counts, because
 * the latest end of a key (revoked, deactivated, or moved to another number) is the one to act on.
 */
public enum BindingStatus {
    /** A live binding whose key authenticates. */
    ACTIVE,
    /** Live, but its key has not authenticated for 12 months: Prove deactivates it. */
    DUE_FOR_DEACTIVATION,
    /** Prove answered 9101 for the device: the key no longer matches the number; a rebind is required. */
    STALE,
    /** The key was revoked (Prove 8019 or an operator). */
    REVOKED,
    /** The key was deactivated after 12 months without use. */
    DEACTIVATED,
    /** The key was rebound to another phone number; this one has no key any more. */
    SUPERSEDED,
    /** No binding at all. */
    NONE,
    /** The item is not a usable phone number or customer reference (answered with an error). */
    INVALID;

    private static final Comparator<KeyBinding> MOST_RECENTLY_USED = Comparator
            .comparing(KeyBinding::lastUsedAt).reversed();
    private static final Comparator<KeyBinding> MOST_RECENTLY_CHANGED = Comparator
            .comparing(KeyBinding::stateChangedAt).thenComparing(KeyBinding::boundAt).reversed();

    /** The value callers see: the constant's name, in the same upper case as the binding states of lookups and the
     *  change feed, so that one value means one thing wherever a caller meets it. */
    public String label() {
        return name();
    }

    /** The status of one binding. */
    public static BindingStatus of(KeyBinding binding, Instant now) {
        return switch (binding.state()) {
            case ACTIVE -> binding.isDueForDeactivation(now) ? DUE_FOR_DEACTIVATION : ACTIVE;
            case STALE -> STALE;
            case REVOKED -> REVOKED;
            case DEACTIVATED -> DEACTIVATED;
            case SUPERSEDED -> SUPERSEDED;
        };
    }

    /** The binding that decides the status of a number or customer with these bindings; empty if there are none. */
    public static Optional<KeyBinding> decisive(List<KeyBinding> bindings, Instant now) {
        Optional<KeyBinding> live = bindings.stream().filter(KeyBinding::isLive)
                .min(Comparator.<KeyBinding, BindingStatus>comparing(binding -> of(binding, now))
                        .thenComparing(MOST_RECENTLY_USED));
        return live.or(() -> bindings.stream().min(MOST_RECENTLY_CHANGED));
    }
}
