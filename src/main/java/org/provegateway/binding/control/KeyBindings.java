package org.provegateway.binding.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.provegateway.audit.control.AuditTrail;
import org.provegateway.audit.entity.AuditAction;
import org.provegateway.binding.entity.BindingEventType;
import org.provegateway.binding.entity.KeyBinding;
import org.provegateway.binding.entity.KeyBindingEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The Prove Key binding registry: records what every successful possession check, 9101, 8019 and revocation
 * means for the device's binding, with its history. At most one live binding per device (enforced by the
 * database's unique {@code active_device_id}).
 */
@ApplicationScoped
@Transactional
public class KeyBindings {

    @PersistenceContext(unitName = "prove")
    EntityManager em;

    @Inject
    AuditTrail audit;

    /**
     * Possession succeeded with the key on {@code deviceId} for {@code phoneNumber}: binds a new key, marks an
     * existing one used again, or — if the device's key was bound to another number — supersedes that binding and
     * binds the key to the new number (rebind).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public KeyBinding recordPossession(String deviceId, String phoneNumber, String proveId, String customerRef,
            String flowId, Instant now) {
        Optional<KeyBinding> live = liveForDevice(deviceId, true);
        if (live.isPresent() && live.get().phoneNumber().equals(phoneNumber)) {
            KeyBinding binding = live.get();
            binding.markUsed(proveId, customerRef, now);
            record(binding, BindingEventType.USED, flowId, null, now);
            return binding;
        }
        String rebindDetail = null;
        if (live.isPresent()) {
            KeyBinding previous = live.get();
            previous.supersede(now);
            rebindDetail = "rebound from binding " + previous.id();
            record(previous, BindingEventType.SUPERSEDED, flowId, null, now);
            em.flush(); // frees the device's active slot before the new binding takes it
        }
        KeyBinding binding = new KeyBinding(deviceId, phoneNumber, proveId,
                customerRef != null ? customerRef : live.flatMap(KeyBinding::customerRef).orElse(null), now);
        em.persist(binding);
        record(binding, live.isPresent() ? BindingEventType.REBOUND : BindingEventType.BOUND, flowId, rebindDetail,
                now);
        return binding;
    }

    /** Prove answered 9101 for a flow on this device: its live binding no longer matches. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markStale(String deviceId, String flowId, Instant now) {
        liveForDevice(deviceId, true).ifPresent(binding -> {
            binding.markStale(now);
            record(binding, BindingEventType.STALE, flowId, "Prove reason 9101", now);
        });
    }

    /** The device's key was revoked (Prove 8019, or an operator): its live binding ends. */
    public Optional<KeyBinding> revoke(String deviceId, String flowId, String why, Instant now) {
        Optional<KeyBinding> live = liveForDevice(deviceId, true);
        live.ifPresent(binding -> {
            binding.revoke(now);
            record(binding, BindingEventType.REVOKED, flowId, why, now);
        });
        return live;
    }

    /**
     * The device to pass to Prove for device recovery: that of the customer's most recently used live binding,
     * else that of the phone number's.
     */
    public Optional<String> deviceForRecovery(String customerRef, String phoneNumber) {
        Optional<KeyBinding> byCustomer = customerRef == null ? Optional.empty()
                : first(em.createNamedQuery(KeyBinding.LIVE_BY_CUSTOMER, KeyBinding.class)
                        .setParameter("customerRef", customerRef).setMaxResults(1).getResultList());
        return byCustomer.or(() -> first(em.createNamedQuery(KeyBinding.LIVE_BY_PHONE, KeyBinding.class)
                .setParameter("phoneNumber", phoneNumber).setMaxResults(1).getResultList()))
                .map(KeyBinding::deviceId);
    }

    public Optional<KeyBinding> find(String id) {
        return Optional.ofNullable(id).map(value -> em.find(KeyBinding.class, value));
    }

    /** Bindings found by one identifier, newest first. */
    public List<KeyBinding> findBy(Lookup lookup, String value) {
        return em.createNamedQuery(lookup.query, KeyBinding.class).setParameter("value", value).getResultList();
    }

    public List<KeyBindingEvent> history(String bindingId) {
        return em.createNamedQuery(KeyBindingEvent.OF_BINDING, KeyBindingEvent.class)
                .setParameter("bindingId", bindingId).getResultList();
    }

    private Optional<KeyBinding> liveForDevice(String deviceId, boolean lock) {
        var query = em.createNamedQuery(KeyBinding.LIVE_BY_DEVICE, KeyBinding.class).setParameter("deviceId",
                deviceId);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return first(query.getResultList());
    }

    private void record(KeyBinding binding, BindingEventType type, String flowId, String detail, Instant now) {
        em.persist(new KeyBindingEvent(binding, type, flowId, detail, now));
        if (type != BindingEventType.USED) { // a key used again changes nothing about its binding
            audit.succeeded(AuditAction.bindingChange(type.name()), flowId, binding.id(), binding.phoneNumber(),
                    binding.state().name());
        }
    }

    private static <T> Optional<T> first(List<T> results) {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }

    /** The identifiers batch jobs and operators look bindings up by. */
    public enum Lookup {
        DEVICE_ID(KeyBinding.BY_DEVICE),
        PHONE_NUMBER(KeyBinding.BY_PHONE),
        CUSTOMER_REF(KeyBinding.BY_CUSTOMER),
        PROVE_ID(KeyBinding.BY_PROVE_ID);

        private final String query;

        Lookup(String query) {
            this.query = query;
        }
    }
}
