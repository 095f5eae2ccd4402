package org.provegateway.binding.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.provegateway.audit.control.AuditTrail;
import org.provegateway.audit.entity.AuditAction;
import org.provegateway.binding.entity.BindingEventType;
import org.provegateway.binding.entity.HealthOutcome;
import org.provegateway.binding.entity.KeyBinding;
import org.provegateway.binding.entity.KeyBindingEvent;
import org.provegateway.binding.entity.KeyBindingFeed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The Prove Key binding registry: records what every successful possession check, 9101, 8019 and revocation
 * means for the device's binding, with its history. At most one live binding per device (enforced by the
 * database's unique {@code active_device_id}). Every history entry is written under the change feed's lock (see
 * {@link KeyBindingFeed}), so that the change feed sees events in commit order.
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

    /**
     * Bindings found by any of several values of one identifier (at most a few hundred: they become one SQL
     * {@code IN} list), in no particular order. Called outside a transaction, each call is its own transaction, so
     * the bindings read are not kept in a persistence context once it returns.
     */
    public List<KeyBinding> findByAny(Lookup lookup, Collection<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(lookup.anyQuery, KeyBinding.class).setParameter("values", values)
                .getResultList();
    }

    /**
     * Up to {@code max} binding events after position {@code after} of the change feed, oldest first, each with its
     * binding as it is now. Because events are written in commit order (see {@link KeyBindingFeed}), every event
     * committed later has a higher position than all of these.
     */
    public List<BindingChange> changesAfter(long after, int max) {
        List<Object[]> rows = em.createNamedQuery(KeyBindingEvent.AFTER, Object[].class).setParameter("after", after)
                .setMaxResults(max).getResultList();
        return rows.stream().map(row -> {
            KeyBindingEvent event = (KeyBindingEvent) row[0];
            KeyBinding binding = (KeyBinding) row[1];
            return new BindingChange(event.seq(), binding.id(), event.event().name(),
                    event.event().resultingState().orElse(binding.state()).name(), event.occurredAt(), event.flowId().orElse(null),
                    event.detail().orElse(null), binding.deviceId(), binding.phoneNumber(),
                    binding.customerRef().orElse(null), binding.proveId().orElse(null));
        }).toList();
    }

    public List<KeyBindingEvent> history(String bindingId) {
        return em.createNamedQuery(KeyBindingEvent.OF_BINDING, KeyBindingEvent.class)
                .setParameter("bindingId", bindingId).getResultList();
    }

    /**
     * Live bindings with an id after {@code afterId} (all when null), in id order, at most {@code limit}: the
     * binding-health job's keyset paging, which stays correct while rows change and needs no offset.
     */
    public List<HealthCandidate> healthCandidates(String afterId, int limit) {
        return em.createNamedQuery(KeyBinding.LIVE_PAGE, HealthCandidate.class)
                .setParameter("after", afterId == null ? "" : afterId).setMaxResults(limit).getResultList();
    }

    /**
     * Applies the binding-health job's verdict to one binding, judged again on the locked row (the key may have been
     * used since the job read it): deactivates it, or warns of deactivation, each with its history event.
     *
     * @return what was done; {@link HealthOutcome#UNCHANGED} for a binding that is no longer live
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public HealthOutcome applyHealth(String bindingId, Instant asOf, Duration warningWindow, Instant now) {
        lockFeed();
        KeyBinding binding = em.find(KeyBinding.class, bindingId, LockModeType.PESSIMISTIC_WRITE);
        if (binding == null || !binding.isLive()) {
            return HealthOutcome.UNCHANGED;
        }
        HealthOutcome outcome = HealthOutcome.of(binding.lastUsedAt(), binding.deactivationWarnedAt().orElse(null),
                asOf, warningWindow);
        Instant due = KeyBinding.deactivationDueAt(binding.lastUsedAt());
        switch (outcome) {
            case DEACTIVATED -> {
                binding.deactivate(now);
                record(binding, BindingEventType.DEACTIVATED, null, "unused for " + KeyBinding.KEY_INACTIVITY_MONTHS
                        + " months (Prove deactivated the key at " + due + ")", now);
            }
            case WARNED -> {
                binding.warnOfDeactivation(now);
                record(binding, BindingEventType.DEACTIVATION_WARNING, null,
                        "Prove deactivates the key at " + due + " unless it is used before", now);
            }
            default -> {
                // nothing to do
            }
        }
        return outcome;
    }

    private Optional<KeyBinding> liveForDevice(String deviceId, boolean lock) {
        var query = em.createNamedQuery(KeyBinding.LIVE_BY_DEVICE, KeyBinding.class).setParameter("deviceId",
                deviceId);
        if (lock) {
            lockFeed();
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return first(query.getResultList());
    }

    /**
     * Takes the change feed's row lock, kept until the transaction ends (taking it again in the same transaction is
     * free). Every transaction that changes bindings takes it <em>before</em> it reads or locks a binding row:
     * <ul>
     * <li>so that its events get their {@code seq} only after every earlier event-writing transaction has committed
     * (the change feed's exactly-once promise, see {@link KeyBindingFeed});</li>
     * <li>so that two first binds of one device cannot both find no live binding and both insert one (one would
     * fail on {@code uq_key_binding_active_device}: there is no row to lock yet, the feed row stands in for it);</li>
     * <li>and so that locks are always taken in one order (feed, then bindings): a health-job chunk that locks
     * several bindings and a flow that binds one of them cannot deadlock.</li>
     * </ul>
     */
    private void lockFeed() {
        if (em.createNamedQuery(KeyBindingEvent.LOCK_FEED).executeUpdate() != 1) {
            throw new IllegalStateException("key_binding_feed has no row " + KeyBindingFeed.ROW
                    + ": the database is not migrated to this gateway's schema");
        }
    }

    /** Writes a history entry, under the change feed's lock (see {@link #lockFeed}). */
    private void record(KeyBinding binding, BindingEventType type, String flowId, String detail, Instant now) {
        lockFeed();
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
        DEVICE_ID(KeyBinding.BY_DEVICE, KeyBinding.BY_DEVICES),
        PHONE_NUMBER(KeyBinding.BY_PHONE, KeyBinding.BY_PHONES),
        CUSTOMER_REF(KeyBinding.BY_CUSTOMER, KeyBinding.BY_CUSTOMERS),
        PROVE_ID(KeyBinding.BY_PROVE_ID, KeyBinding.BY_PROVE_IDS);

        private final String query;
        private final String anyQuery;

        Lookup(String query, String anyQuery) {
            this.query = query;
            this.anyQuery = anyQuery;
        }
    }
}
