package org.provegateway.sandbox.identity;

import java.util.Locale;
import java.util.Optional;
import org.provegateway.sandbox.flows.ClientAction;
import org.provegateway.sandbox.flows.ClientStep;
import org.provegateway.sandbox.flows.ClientStepOutcome;
import org.provegateway.sandbox.flows.Failure;
import org.provegateway.sandbox.flows.Flow;
import org.provegateway.sandbox.flows.FlowIds;
import org.provegateway.sandbox.flows.OtpAttempts;
import org.provegateway.sandbox.platform.SandboxError;
import org.provegateway.sandbox.users.MobileAuth;
import org.provegateway.sandbox.users.Product;
import org.provegateway.sandbox.users.TestUser;

/**
 * One Pre-Fill or Prove Identity flow (the product is the test user's), owning its transitions:
 *
 * <pre>
 * AWAITING_CLIENT --client step--> PASSED | FAILED | AWAITING_OTP (retry)
 * PASSED --validate--> VALIDATED (Identity: next v3-complete) | CHALLENGE_OFFERED (Pre-Fill: next v3-challenge)
 * CHALLENGE_OFFERED --challenge--> CHALLENGED (next v3-complete) | CHALLENGE_FAILED (success=false, next done)
 * VALIDATED | CHALLENGED --complete--> COMPLETED
 * AWAITING_CLIENT | AWAITING_OTP | FAILED --validate--> VALIDATION_FAILED (success=false, next done)
 * </pre>
 *
 * Behaviour choices (D17): short-term users (Martina Goodram, Milo Pinson) pass possession at {@code /v3/start};
 * a client step on their flow is answered {@code passed} and changes nothing. Everyone else needs the client step:
 * {@code otp} on mobile ("1234" passes, {@code allowOTPRetry} as in Unify), {@code instant-link} on desktop (always
 * passes), {@code mobile-auth} on mobile for the "+ Mobile Auth" users, or {@code cancel}. A {@code /v3/validate}
 * without passed possession answers {@code success=false} with {@code next={"done":"done"}} and ends the flow: a
 * later {@code /v3/complete} is 403 / 1003. Validate, challenge and complete run once each; a step that the previous
 * answer's {@code next} did not offer is 1003 (D19: a failed challenge ends the flow).
 */
public final class IdentityFlow implements Flow {

    private enum Stage {
        AWAITING_CLIENT, AWAITING_OTP, PASSED, FAILED, VALIDATED, VALIDATION_FAILED, CHALLENGE_OFFERED, CHALLENGED,
        CHALLENGE_FAILED, COMPLETED
    }

    /** What {@code /v3/validate} answers. */
    public record Validation(boolean success, boolean challengeMissing, String next) {
    }

    private final FlowIds ids;
    private final FlowType type;
    private final TestUser user;
    private final OtpAttempts otp;
    /** The challenge data given at {@code /v3/start}; {@code /v3/challenge} values replace them. */
    private final ChallengeData startData;
    private Stage stage;

    public IdentityFlow(FlowIds ids, FlowType type, TestUser user, boolean allowOtpRetry, ChallengeData startData) {
        this.ids = ids;
        this.type = type;
        this.user = user;
        this.otp = new OtpAttempts(allowOtpRetry);
        this.startData = startData;
        this.stage = user.shortTerm() ? Stage.PASSED : Stage.AWAITING_CLIENT;
    }

    @Override
    public FlowIds ids() {
        return ids;
    }

    @Override
    public Product product() {
        return user.product();
    }

    @Override
    public synchronized ClientStepOutcome clientStep(ClientStep step) {
        if (user.shortTerm() && stage == Stage.PASSED) {
            return passed();
        }
        if (stage != Stage.AWAITING_CLIENT && stage != Stage.AWAITING_OTP) {
            throw SandboxError.conflict("the flow already has an outcome; the auth token is spent");
        }
        if (stage == Stage.AWAITING_OTP && step.action() != ClientAction.OTP && step.action() != ClientAction.CANCEL) {
            throw SandboxError.conflict("an OTP is awaited; use otp or cancel");
        }
        return switch (step.action()) {
            case KEY -> throw SandboxError.conflict("Prove Identity flows do not use Prove Keys");
            case MOBILE_AUTH -> {
                requireType(ClientAction.MOBILE_AUTH, FlowType.MOBILE);
                if (user.mobileAuth() != MobileAuth.PASS) {
                    throw SandboxError.conflict("Mobile Auth is not available for this test user; use otp");
                }
                yield pass();
            }
            case OTP -> otp(step.otp());
            case INSTANT_LINK -> {
                requireType(ClientAction.INSTANT_LINK, FlowType.DESKTOP);
                yield user.possessionPasses() ? pass() : fail();
            }
            case CANCEL -> fail();
        };
    }

    /**
     * Possession passed: Pre-Fill offers {@code v3-challenge} ({@code challengeMissing} when {@code /v3/start} carried
     * neither {@code dob} nor {@code ssn}), Identity offers {@code v3-complete}. Not passed: {@code success=false},
     * {@code next done}. A second call, or one after a later step, is 1003.
     */
    public synchronized Validation validate() {
        switch (stage) {
            case PASSED -> {
                if (user.product() == Product.PREFILL) {
                    stage = Stage.CHALLENGE_OFFERED;
                    return new Validation(true, startData.isEmpty(), "v3-challenge");
                }
                stage = Stage.VALIDATED;
                return new Validation(true, false, "v3-complete");
            }
            case AWAITING_CLIENT, AWAITING_OTP, FAILED -> {
                stage = Stage.VALIDATION_FAILED;
                return new Validation(false, false, "done");
            }
            default -> throw SandboxError.stepNotAllowed();
        }
    }

    /**
     * Only once, when validate offered it. The challenge's values replace those of {@code /v3/start}; with none at
     * all the request is 400 / 1001 (and the challenge stays offered).
     *
     * @return the challenge outcome; passed when every given value matches the user's record
     */
    public synchronized Challenge challenge(ChallengeData given) {
        if (stage != Stage.CHALLENGE_OFFERED) {
            throw SandboxError.stepNotAllowed();
        }
        ChallengeData data = given.over(startData);
        if (data.isEmpty()) {
            throw SandboxError.missingField("dob");
        }
        Challenge challenge = Challenge.of(user, data);
        stage = challenge.success() ? Stage.CHALLENGED : Stage.CHALLENGE_FAILED;
        return challenge;
    }

    /** Only once, after a successful validate (Identity) or challenge (Pre-Fill); otherwise 1003. */
    public synchronized IdentityCheck complete(Individual individual) {
        if (stage != Stage.VALIDATED && stage != Stage.CHALLENGED) {
            throw SandboxError.stepNotAllowed();
        }
        stage = Stage.COMPLETED;
        return IdentityCheck.of(user, individual);
    }

    public String phoneNumber() {
        return user.number();
    }

    private ClientStepOutcome otp(Optional<String> typed) {
        requireType(ClientAction.OTP, FlowType.MOBILE);
        String code = typed.orElseThrow(() -> SandboxError.missingField("otp"));
        if (otp.passes(user, code)) {
            return pass();
        }
        int left = otp.recordWrong();
        if (left > 0) {
            stage = Stage.AWAITING_OTP;
            return ClientStepOutcome.otpRequired(Optional.of(user.number()), left);
        }
        return fail();
    }

    private void requireType(ClientAction action, FlowType allowed) {
        if (type != allowed) {
            throw SandboxError.conflict("'" + action.path() + "' is not available on a "
                    + type.name().toLowerCase(Locale.ROOT) + " flow");
        }
    }

    private ClientStepOutcome pass() {
        stage = Stage.PASSED;
        return passed();
    }

    private ClientStepOutcome passed() {
        return ClientStepOutcome.passed(Optional.of(user.number()), Optional.empty());
    }

    private ClientStepOutcome fail() {
        stage = Stage.FAILED;
        return ClientStepOutcome.failed(Optional.of(user.number()), Failure.POSSESSION_INCOMPLETE);
    }
}
