package org.provegateway.sandbox.keys;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.provegateway.sandbox.users.TestUser;

/**
 * Prove Keys per simulated device: one key per device label, as the Web SDK keeps one registration per browser/app.
 * Thread-safe (every method holds this store's lock; flows may call it while holding their own lock, never the
 * reverse).
 */
public final class ProveKeys {

    private final Map<String, ProveKey> byDevice = new HashMap<>();
    private final Set<String> firstKeyRevoked = new HashSet<>();

    public synchronized Optional<ProveKey> onDevice(String device) {
        return Optional.ofNullable(byDevice.get(device));
    }

    public synchronized Optional<ProveKey> byDeviceId(String deviceId) {
        return byDevice.values().stream().filter(k -> k.deviceId().equals(deviceId)).findFirst();
    }

    /**
     * Places or keeps the device's key after a passed possession check (or a successful bind):
     * <ul>
     * <li>an active key bound to the number is kept (same {@code deviceId});</li>
     * <li>an active key bound to another number is re-bound, keeping its {@code deviceId} — callers allow this only
     * with {@code rebind=true}, otherwise the flow has already failed with 9101;</li>
     * <li>no key, or a revoked one: a new key with a new {@code deviceId}.</li>
     * </ul>
     * For a user that {@link TestUser#revokesFirstKey() revokes its first key} (Penny), the first key created for the
     * user on this device is revoked at once; the flow still reports its {@code deviceId}, and the next key-only
     * authentication gets 8019.
     *
     * @return the key whose {@code deviceId} the flow reports
     */
    public synchronized ProveKey placeAfterPossession(String device, TestUser user) {
        ProveKey current = byDevice.get(device);
        if (current != null && !current.revoked()) {
            ProveKey kept = current.boundTo(user) ? current : current.rebindTo(user);
            byDevice.put(device, kept);
            return kept;
        }
        ProveKey created = new ProveKey(UUID.randomUUID().toString(), device, user, false);
        boolean revokeAtOnce = user.revokesFirstKey() && firstKeyRevoked.add(device + "\n" + user.number());
        byDevice.put(device, revokeAtOnce ? created.revoke() : created);
        return created;
    }

    /** Marks the key revoked; {@code false} when no key has that id. Revoking twice is harmless. */
    public synchronized boolean revoke(String deviceId) {
        Optional<ProveKey> key = byDeviceId(deviceId);
        key.ifPresent(k -> byDevice.put(k.device(), k.revoke()));
        return key.isPresent();
    }

    /** Forgets the device's key (the app's data was wiped); {@code false} when the device had none. */
    public synchronized boolean remove(String device) {
        return byDevice.remove(device) != null;
    }

    public synchronized List<ProveKey> all() {
        return byDevice.values().stream().sorted(Comparator.comparing(ProveKey::device)).toList();
    }

    public synchronized void clear() {
        byDevice.clear();
        firstKeyRevoked.clear();
    }
}
