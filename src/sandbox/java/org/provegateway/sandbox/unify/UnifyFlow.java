package org.provegateway.sandbox.unify;

import java.util.EnumSet;
import java.util.Optional;
import org.provegateway.sandbox.flows.ClientAction;
import org.provegateway.sandbox.flows.ClientStep;
import org.provegateway.sandbox.flows.ClientStepOutcome;
import org.provegateway.sandbox.flows.Failure;
import org.provegateway.sandbox.flows.Flow;
import org.provegateway.sandbox.flows.FlowIds;
import org.provegateway.sandbox.flows.OtpAttempts;
import org.provegateway.sandbox.keys.ProveKey;
import org.provegateway.sandbox.keys.ProveKeys;
import org.provegateway.sandbox.platform.SandboxError;
import org.provegateway.sandbox.users.MobileAuth;
import org.provegateway.sandbox.users.Product;
import org.provegateway.sandbox.users.TestUser;

/**
 * One Unify flow, from {@code /v3/unify} to its final status, owning every state transition.
 *
 * <pre>
 * AWAITING_CLIENT --client step--> PASSED | FAILED | AWAITING_OTP | POSSESSION_REQUIRED (none flows)
 * AWAITING_OTP    --otp/cancel---> PASSED | FAILED | AWAITING_OTP (retry)
 * AWAITING_CLIENT --status-------> FAILED 9100 (D8: the client step never ran)
 * POSSESSION_REQUIRED --status (reported) then bind--> BOUND
 * </pre>
 *
 * Behaviour choices where Prove's documents are silent (docs/sandbox.md section 7):
 * <ul>
 * <li>The device is the label given in the first client step, else the device of the key named by {@code deviceId}
 * in {@code /v3/unify}, else {@code "default"}; it is fixed for the rest of the flow.</li>
 * <li>The {@code authToken} serves one Web SDK session: the actions of that session (Mobile Auth then OTP fallback,
 * OTP retries) use it; once the flow has an outcome or its status was read as final, further steps answer 409.</li>
 * <li>Short-term users pass without a client step (D10) and never get a Prove Key; a client step on their flow is
 * answered {@code passed} and changes nothing.</li>
 * <li>{@code rebind=true} forces full possession: on a mobile flow the {@code key} action answers 409; on a none flow
 * it yields {@code possession_required}, and the bind then re-binds the device's key (same {@code deviceId}) or
 * replaces a revoked one.</li>
 * <li>Before OTP or Mobile Auth, the device's active key is checked first as the Web SDK does: bound to another number
 * and no rebind ⇒ 9101.</li>
 * <li>{@code checkReputation=true} for Penny/Amii turns a passed possession into status {@code "false"} with
 * {@code risk} 9133 (D16); the Prove Key is still placed since possession itself passed.</li>
 * <li>A failed answer carries {@code phoneNumber} (when known) and {@code evaluation}, but no {@code proveId} or
 * {@code deviceId}.</li>
 * </ul>
 */
public final class UnifyFlow implements Flow {

    /** Device label used when neither the client step nor a known {@code deviceId} names one. */
    public static final String DEFAULT_DEVICE = "default";

    private enum Stage { AWAITING_CLIENT, AWAITING_OTP, PASSED, FAILED, POSSESSION_REQUIRED, BOUND }

    private final FlowIds ids;
    private final PossessionType type;
    private final UnifyOptions options;
    private final Optional<String> deviceOfKnownKey;
    private final ProveKeys keys;
    private final OtpAttempts otp;
    private final boolean shortTerm;

    private Optional<TestUser> user;
    private Optional<String> device = Optional.empty();
    private Optional<String> deviceId = Optional.empty();
    private Stage stage;
    private Failure failure;
    private boolean possessionRequiredReported;
    private UnifyStatus bindAnswer;

    /**
     * @param user             the user named by {@code phoneNumber} or {@code proveId}; empty for a mobile flow that
     *                         leaves the number to Mobile Auth
     * @param deviceOfKnownKey the device of the active key named by {@code deviceId}, if any
     */
    public UnifyFlow(FlowIds ids, PossessionType type, Optional<TestUser> user, Optional<String> deviceOfKnownKey,
            UnifyOptions options, ProveKeys keys) {
        this.ids = ids;
        this.type = type;
        this.user = user;
        this.deviceOfKnownKey = deviceOfKnownKey;
        this.options = options;
        this.keys = keys;
        this.otp = new OtpAttempts(options.allowOtpRetry());
        this.shortTerm = user.map(TestUser::shortTerm).orElse(false);
        this.stage = shortTerm ? Stage.PASSED : Stage.AWAITING_CLIENT;
    }

    @Override
    public FlowIds ids() {
        return ids;
    }

    @Override
    public Product product() {
        return Product.UNIFY;
    }

    public UnifyOptions options() {
        return options;
    }

    @Override
    public synchronized ClientStepOutcome clientStep(ClientStep step) {
        if (shortTerm) {
            return ClientStepOutcome.passed(phoneNumber(), Optional.empty());
        }
        if (stage != Stage.AWAITING_CLIENT && stage != Stage.AWAITING_OTP) {
            throw SandboxError.conflict("the flow already has an outcome; the auth token is spent");
        }
        if (stage == Stage.AWAITING_OTP && step.action() != ClientAction.OTP && step.action() != ClientAction.CANCEL) {
            throw SandboxError.conflict("an OTP is awaited; use otp or cancel");
        }
        if (device.isEmpty()) {
            device = Optional.of(step.device().or(() -> deviceOfKnownKey).orElse(DEFAULT_DEVICE));
        }
        if (user.isEmpty()) {
            user = step.user();
        }
        return switch (step.action()) {
            case KEY -> keyOnly();
            case MOBILE_AUTH -> mobileAuth();
            case OTP -> otp(step.otp());
            case INSTANT_LINK -> instantLink();
            case CANCEL -> fail(Failure.POSSESSION_INCOMPLETE);
        };
    }

    /** D8, D9, D10, D12, D13, D14, D16. */
    public synchronized UnifyStatus status() {
        return switch (stage) {
            case AWAITING_CLIENT -> {
                fail(Failure.POSSESSION_INCOMPLETE);
                yield failedStatus();
            }
            case AWAITING_OTP -> UnifyStatus.of("pending", Optional.empty(), Optional.empty());
            case PASSED -> checkedReputation();
            case FAILED -> failedStatus();
            case POSSESSION_REQUIRED -> {
                possessionRequiredReported = true;
                yield UnifyStatus.of("possession_required", phoneNumber(), Optional.empty());
            }
            case BOUND -> bindAnswer;
        };
    }

    /**
     * Customer-supplied possession passed: bind the device's key to the number. Allowed once, only on a none flow whose
     * status answered {@code possession_required} (D1, D12). A number other than the flow's answers {@code "false"}
     * (9100) and nothing is bound.
     */
    public synchronized UnifyStatus bind(String phoneNumber) {
        if (type != PossessionType.NONE || stage != Stage.POSSESSION_REQUIRED || !possessionRequiredReported) {
            throw SandboxError.stepNotAllowed();
        }
        TestUser owner = user.orElseThrow(SandboxError::stepNotAllowed);
        stage = Stage.BOUND;
        if (owner.matches(phoneNumber)) {
            ProveKey key = keys.placeAfterPossession(device.orElse(DEFAULT_DEVICE), owner);
            deviceId = Optional.of(key.deviceId());
            bindAnswer = passedStatus();
        } else {
            bindAnswer = UnifyStatus.of("false", phoneNumber(),
                    Optional.of(Failure.POSSESSION_INCOMPLETE.authenticationFailed()));
        }
        return bindAnswer;
    }

    private ClientStepOutcome keyOnly() {
        requireType(ClientAction.KEY, PossessionType.MOBILE, PossessionType.NONE);
        if (options.rebind()) {
            if (type == PossessionType.MOBILE) {
                throw SandboxError.conflict("rebind=true requires full possession; use otp or mobile-auth");
            }
            return possessionRequired();
        }
        Optional<ProveKey> key = keys.onDevice(device.orElseThrow());
        if (key.isEmpty()) {
            if (type == PossessionType.NONE) {
                return possessionRequired();
            }
            throw SandboxError.conflict("no Prove Key on device; use mobile-auth or otp");
        }
        if (key.get().revoked()) {
            fail(Failure.POSSESSION_INCOMPLETE);
            throw SandboxError.deviceRevoked();
        }
        if (user.isEmpty()) {
            user = Optional.of(key.get().user());
        }
        if (!key.get().boundTo(user.get())) {
            return fail(Failure.KEY_MISMATCH);
        }
        return pass(Optional.of(key.get().deviceId()));
    }

    private ClientStepOutcome mobileAuth() {
        requireType(ClientAction.MOBILE_AUTH, PossessionType.MOBILE);
        TestUser owner = requireUser();
        if (owner.mobileAuth() == MobileAuth.UNAVAILABLE) {
            throw SandboxError.conflict("Mobile Auth is not available for this test user; use otp");
        }
        if (keyBoundElsewhere(owner)) {
            return fail(Failure.KEY_MISMATCH);
        }
        return switch (owner.mobileAuth()) {
            case PASS -> passWithKey(owner);
            case FALLBACK_TO_OTP -> {
                stage = Stage.AWAITING_OTP;
                yield ClientStepOutcome.otpRequired(phoneNumber(), otp.left());
            }
            case FAIL, UNAVAILABLE -> fail(Failure.POSSESSION_INCOMPLETE);
        };
    }

    private ClientStepOutcome otp(Optional<String> typed) {
        requireType(ClientAction.OTP, PossessionType.MOBILE);
        String code = typed.orElseThrow(() -> SandboxError.missingField("otp"));
        TestUser owner = requireUser();
        if (keyBoundElsewhere(owner)) {
            return fail(Failure.KEY_MISMATCH);
        }
        if (otp.passes(owner, code)) {
            return passWithKey(owner);
        }
        int left = otp.recordWrong();
        if (left > 0) {
            stage = Stage.AWAITING_OTP;
            return ClientStepOutcome.otpRequired(phoneNumber(), left);
        }
        return fail(Failure.POSSESSION_INCOMPLETE);
    }

    private ClientStepOutcome instantLink() {
        requireType(ClientAction.INSTANT_LINK, PossessionType.DESKTOP);
        return requireUser().possessionPasses() ? pass(Optional.empty()) : fail(Failure.POSSESSION_INCOMPLETE);
    }

    private boolean keyBoundElsewhere(TestUser owner) {
        return !options.rebind() && keys.onDevice(device.orElseThrow())
                .filter(k -> !k.revoked() && !k.boundTo(owner)).isPresent();
    }

    private ClientStepOutcome passWithKey(TestUser owner) {
        return pass(Optional.of(keys.placeAfterPossession(device.orElseThrow(), owner).deviceId()));
    }

    private ClientStepOutcome pass(Optional<String> passedDeviceId) {
        stage = Stage.PASSED;
        deviceId = passedDeviceId;
        return ClientStepOutcome.passed(phoneNumber(), passedDeviceId);
    }

    private ClientStepOutcome fail(Failure reason) {
        stage = Stage.FAILED;
        failure = reason;
        return ClientStepOutcome.failed(phoneNumber(), reason);
    }

    private ClientStepOutcome possessionRequired() {
        stage = Stage.POSSESSION_REQUIRED;
        return ClientStepOutcome.possessionRequired(phoneNumber());
    }

    private TestUser requireUser() {
        return user.orElseThrow(() -> SandboxError.conflict(
                "the flow has no phone number; send phoneNumber in the client step body"));
    }

    private void requireType(ClientAction action, PossessionType first, PossessionType... more) {
        if (!EnumSet.of(first, more).contains(type)) {
            throw SandboxError.conflict("'" + action.path() + "' is not available on a " + type.wire() + " flow");
        }
    }

    private UnifyStatus checkedReputation() {
        if (options.checkReputation() && user.map(TestUser::reputationRisk).orElse(false)) {
            return UnifyStatus.of("false", phoneNumber(), Optional.of(Failure.UNTRUSTED_SIM.riskFailed()));
        }
        return passedStatus();
    }

    private UnifyStatus passedStatus() {
        return new UnifyStatus("true", phoneNumber(), user.map(TestUser::proveId), deviceId,
                Optional.of(Failure.authenticationPassed()));
    }

    private UnifyStatus failedStatus() {
        return UnifyStatus.of("false", phoneNumber(), Optional.of(failure.authenticationFailed()));
    }

    private Optional<String> phoneNumber() {
        return user.map(TestUser::number);
    }
}
