package org.provegateway.binding.entity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A Prove Key binding: the key on device {@code deviceId} authenticates phone number {@code phoneNumber} of person
 * {@code proveId}, the bank's customer {@code customerRef}. The bank's own record, since Prove offers no way to
 * ask which keys are bound. State changes go through the methods below, which keep {@code active_device_id} (the
 * column whose unique constraint allows one live binding per device) in step with the state.
 */
@Entity
@Table(name = "key_binding")
@NamedQuery(name = KeyBinding.LIVE_BY_DEVICE,
        query = "SELECT b FROM KeyBinding b WHERE b.activeDeviceId = :deviceId")
@NamedQuery(name = KeyBinding.LIVE_BY_CUSTOMER, query = "SELECT b FROM KeyBinding b WHERE b.customerRef = :customerRef"
        + " AND b.activeDeviceId IS NOT NULL ORDER BY b.lastUsedAt DESC")
@NamedQuery(name = KeyBinding.LIVE_BY_PHONE, query = "SELECT b FROM KeyBinding b WHERE b.phoneNumber = :phoneNumber"
        + " AND b.activeDeviceId IS NOT NULL ORDER BY b.lastUsedAt DESC")
@NamedQuery(name = KeyBinding.BY_DEVICE, query = "SELECT b FROM KeyBinding b WHERE b.deviceId = :value"
        + " ORDER BY b.boundAt DESC, b.id")
@NamedQuery(name = KeyBinding.BY_PHONE, query = "SELECT b FROM KeyBinding b WHERE b.phoneNumber = :value"
        + " ORDER BY b.boundAt DESC, b.id")
@NamedQuery(name = KeyBinding.BY_CUSTOMER, query = "SELECT b FROM KeyBinding b WHERE b.customerRef = :value"
        + " ORDER BY b.boundAt DESC, b.id")
@NamedQuery(name = KeyBinding.BY_PROVE_ID, query = "SELECT b FROM KeyBinding b WHERE b.proveId = :value"
        + " ORDER BY b.boundAt DESC, b.id")
@NamedQuery(name = KeyBinding.BY_DEVICES, query = "SELECT b FROM KeyBinding b WHERE b.deviceId IN :values")
@NamedQuery(name = KeyBinding.BY_PHONES, query = "SELECT b FROM KeyBinding b WHERE b.phoneNumber IN :values")
@NamedQuery(name = KeyBinding.BY_CUSTOMERS, query = "SELECT b FROM KeyBinding b WHERE b.customerRef IN :values")
@NamedQuery(name = KeyBinding.BY_PROVE_IDS, query = "SELECT b FROM KeyBinding b WHERE b.proveId IN :values")
@NamedQuery(name = KeyBinding.LIVE_PAGE, query = "SELECT NEW org.provegateway.binding.control.HealthCandidate("
        + "b.id, b.lastUsedAt, b.deactivationWarnedAt) FROM KeyBinding b WHERE b.activeDeviceId IS NOT NULL"
        + " AND b.id > :after ORDER BY b.id")
public class KeyBinding {

    public static final String LIVE_BY_DEVICE = "KeyBinding.liveByDevice";
    public static final String LIVE_BY_CUSTOMER = "KeyBinding.liveByCustomer";
    public static final String LIVE_BY_PHONE = "KeyBinding.liveByPhone";
    public static final String BY_DEVICE = "KeyBinding.byDevice";
    public static final String BY_PHONE = "KeyBinding.byPhone";
    public static final String BY_CUSTOMER = "KeyBinding.byCustomer";
    public static final String BY_PROVE_ID = "KeyBinding.byProveId";
    public static final String BY_DEVICES = "KeyBinding.byDevices";
    public static final String BY_PHONES = "KeyBinding.byPhones";
    public static final String BY_CUSTOMERS = "KeyBinding.byCustomers";
    public static final String BY_PROVE_IDS = "KeyBinding.byProveIds";
    /** Live bindings after an id, in id order (the binding-health job's keyset paging). */
    public static final String LIVE_PAGE = "KeyBinding.livePage";

    /** Prove's inactivity rule for Prove Keys. */
    public static final int KEY_INACTIVITY_MONTHS = 12;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "device_id", nullable = false, length = 64)
    private String deviceId;

    @Column(name = "active_device_id", length = 64)
    private String activeDeviceId;

    @Column(name = "phone_number", nullable = false, length = 20)
    private String phoneNumber;

    @Column(name = "prove_id", length = 64)
    private String proveId;

    @Column(name = "customer_ref", length = 64)
    private String customerRef;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private BindingState state;

    @Column(name = "bound_at", nullable = false)
    private Instant boundAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "state_changed_at", nullable = false)
    private Instant stateChangedAt;

    @Column(name = "deactivation_warned_at")
    private Instant deactivationWarnedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected KeyBinding() {
        // for JPA
    }

    public KeyBinding(String deviceId, String phoneNumber, String proveId, String customerRef, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.deviceId = Objects.requireNonNull(deviceId);
        this.activeDeviceId = deviceId;
        this.phoneNumber = Objects.requireNonNull(phoneNumber);
        this.proveId = proveId;
        this.customerRef = customerRef;
        this.state = BindingState.ACTIVE;
        this.boundAt = now;
        this.lastUsedAt = now;
        this.stateChangedAt = now;
    }

    /** The key authenticated this number again. A stale binding whose key works again is active again. */
    public void markUsed(String proveId, String customerRef, Instant now) {
        if (proveId != null) {
            this.proveId = proveId;
        }
        if (customerRef != null) {
            this.customerRef = customerRef;
        }
        this.lastUsedAt = now;
        changeState(BindingState.ACTIVE, now);
    }

    public void markStale(Instant now) {
        changeState(BindingState.STALE, now);
    }

    public void supersede(Instant now) {
        changeState(BindingState.SUPERSEDED, now);
    }

    public void revoke(Instant now) {
        changeState(BindingState.REVOKED, now);
    }

    public void deactivate(Instant now) {
        changeState(BindingState.DEACTIVATED, now);
    }

    /** The binding-health job told that this binding's key is about to be deactivated by Prove. */
    public void warnOfDeactivation(Instant now) {
        this.deactivationWarnedAt = now;
    }

    private void changeState(BindingState next, Instant now) {
        if (next != state) {
            this.stateChangedAt = now;
        }
        this.state = next;
        this.activeDeviceId = next.isLive() ? deviceId : null;
    }

    /** Prove deactivates a Prove Key after 12 consecutive months without authentication. */
    public boolean isDueForDeactivation(Instant now) {
        return isLive() && !deactivationDueAt(lastUsedAt).isAfter(now);
    }

    /** When Prove deactivates a key last used at {@code lastUsedAt}: 12 calendar months later (UTC). */
    public static Instant deactivationDueAt(Instant lastUsedAt) {
        return lastUsedAt.atZone(ZoneOffset.UTC).plusMonths(KEY_INACTIVITY_MONTHS).toInstant();
    }

    /** When the binding-health job last warned of deactivation, if it has since the key was last used. */
    public Optional<Instant> deactivationWarnedAt() {
        return Optional.ofNullable(deactivationWarnedAt).filter(warned -> !warned.isBefore(lastUsedAt));
    }

    public boolean isLive() {
        return state.isLive();
    }

    public String id() {
        return id;
    }

    public String deviceId() {
        return deviceId;
    }

    public String phoneNumber() {
        return phoneNumber;
    }

    public Optional<String> proveId() {
        return Optional.ofNullable(proveId);
    }

    public Optional<String> customerRef() {
        return Optional.ofNullable(customerRef);
    }

    public BindingState state() {
        return state;
    }

    public Instant boundAt() {
        return boundAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant stateChangedAt() {
        return stateChangedAt;
    }
}
