package org.provegateway.identity.control;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.GatewayMetrics;
import org.provegateway.platform.control.PhoneNumbers;
import org.provegateway.platform.control.ProblemType;
import org.provegateway.platform.control.ProveFailures;
import org.provegateway.platform.control.SmsMessages;
import org.provegateway.platform.control.TargetUrls;
import org.provegateway.proveapi.ProveApi;
import org.provegateway.proveapi.ProveApiException;
import org.provegateway.proveapi.wire.ChallengeRequest;
import org.provegateway.proveapi.wire.ChallengeResponse;
import org.provegateway.proveapi.wire.CompleteRequest;
import org.provegateway.proveapi.wire.CompleteResponse;
import org.provegateway.proveapi.wire.Individual;
import org.provegateway.proveapi.wire.StartRequest;
import org.provegateway.proveapi.wire.StartResponse;
import org.provegateway.proveapi.wire.ValidateRequest;
import org.provegateway.proveapi.wire.ValidateResponse;
import org.provegateway.session.control.FlowSessions;
import org.provegateway.session.control.Reasons;
import org.provegateway.session.control.SessionConfig;
import org.provegateway.session.entity.FlowKind;
import org.provegateway.session.entity.FlowSession;
import org.provegateway.session.entity.FlowState;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Prove Identity and Pre-Fill: Prove's Start, Validate, Challenge (Pre-Fill) and Complete (with the KYC add-on), with
 * the step order of Prove's {@code next} map followed, and checked locally before Prove is called.
 *
 * <p>No transaction spans a Prove call: the flow is read, Prove is called, and the answer is then applied in a
 * short transaction by {@link IdentityOutcomes}, which locks the session so that an answer is recorded once.
 *
 * <p>The individual's data (name, date of birth, SSN, address, e-mail) passes through memory only: it is checked,
 * sent to Prove and forgotten. It is never stored, logged, or put into an error answer.
 */
@ApplicationScoped
public class IdentityFlow {

    private static final Logger LOG = Logger.getLogger(IdentityFlow.class.getName());
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @Inject
    ProveApi prove;

    @Inject
    FlowSessions sessions;

    @Inject
    IdentityOutcomes outcomes;

    @Inject
    SessionConfig config;

    @Inject
    PhoneNumbers phones;

    @Inject
    Clock clock;

    @Inject
    GatewayMetrics metrics;

    /**
     * Calls {@code /v3/start}. Prove also accepts the date of birth and SSN (and an e-mail address) at start; the
     * gateway does not send them: Prove's documentation advises against DOB/SSN at start, Prove Identity needs them
     * only at complete, and keeping them out of start keeps personal data out of one more call.
     */
    public IdentityStarted start(IdentityStart command) {
        String phone = phones.normalise("phoneNumber", command.phoneNumber());
        if (!phone.startsWith("+1")) {
            throw GatewayException.invalidField("phoneNumber",
                    "must be a US or Canadian number: Prove Identity is available only there");
        }
        String type = command.flowType();
        if ("desktop".equals(type) && (command.finalTargetUrl() == null || command.finalTargetUrl().isBlank())) {
            throw GatewayException.invalidField("finalTargetUrl", "is required for flowType desktop");
        }
        if (command.finalTargetUrl() != null) {
            TargetUrls.check(command.finalTargetUrl());
        }
        if (command.smsMessage() != null) {
            SmsMessages.check(command.smsMessage(), "desktop".equals(type));
        }
        if (command.ipAddress() != null) {
            checkIpAddress(command.ipAddress());
        }
        StartRequest request = StartRequest.builder(type)
                .phoneNumber(phone)
                .finalTargetUrl(command.finalTargetUrl())
                .allowOtpRetry(command.allowOtpRetry())
                .smsMessage(command.smsMessage())
                .ipAddress(command.ipAddress())
                .build();
        StartResponse answer;
        try {
            answer = prove.start(request);
        } catch (ProveApiException e) {
            throw ProveFailures.translate(e, null);
        } catch (FaultToleranceException e) {
            throw ProveFailures.translate(e, "start", null);
        }
        if (answer.correlationId() == null || answer.authToken() == null) {
            throw new GatewayException(ProblemType.PROVE_ERROR, "Prove started no flow (no correlationId)");
        }
        Instant now = clock.instant();
        FlowSession session = outcomes.started(FlowSession.identity(answer.correlationId(), type, phone,
                UUID.randomUUID().toString(), now, now.plus(config.ttl())));
        metrics.flowStarted("identity", type);
        LOG.fine(() -> "Started " + type + " identity flow " + session.id() + " for " + PhoneNumbers.mask(phone));
        return new IdentityStarted(session.id(), answer.authToken(), type, FlowState.STARTED.name(),
                session.expiresAt());
    }

    /** Calls {@code /v3/validate} once the client's possession step has run; only on a started flow. */
    public IdentityValidation validate(String flowId) {
        FlowSession session = find(flowId);
        session.requireStep("validate", FlowKind.IDENTITY, clock.instant(), FlowState.STARTED);
        ValidateResponse answer;
        try {
            answer = prove.validate(new ValidateRequest(session.correlationId()));
        } catch (ProveApiException e) {
            throw ProveFailures.translate(e, flowId);
        } catch (FaultToleranceException e) {
            throw ProveFailures.translate(e, "validate", flowId);
        }
        FlowSession after = outcomes.validated(flowId, answer);
        return new IdentityValidation(flowId, after.state().name(), answer.success(), nextStep(after.state()),
                after.phoneNumber().orElse(null), Reasons.decode(after.failureReasons().orElse(null)));
    }

    /**
     * Pre-Fill's challenge: checks the date of birth and/or SSN, then calls {@code /v3/challenge}; only on a flow
     * whose validate offered it. Answers the individual Prove pre-filled, from memory: it is never stored or logged.
     */
    public IdentityChallenge challenge(String flowId, Challenge challenge) {
        Instant now = clock.instant();
        Challenge checked;
        try {
            checked = challenge.checked(LocalDate.ofInstant(now, ZoneOffset.UTC));
        } catch (GatewayException invalid) {
            throw invalid.forFlow(flowId);
        }
        FlowSession session = find(flowId);
        session.requireStep("challenge", FlowKind.IDENTITY, now, FlowState.CHALLENGE_REQUIRED);
        ChallengeResponse answer;
        try {
            answer = prove.challenge(new ChallengeRequest(session.correlationId(), checked.dob(), checked.ssn()));
        } catch (ProveApiException e) {
            throw ProveFailures.translate(e, flowId);
        } catch (FaultToleranceException e) {
            throw ProveFailures.translate(e, "challenge", flowId);
        }
        FlowSession after = outcomes.challenged(flowId, answer);
        return new IdentityChallenge(flowId, after.state().name(), answer.success(), nextStep(after.state()),
                prefilled(answer.individual()), Reasons.decode(after.failureReasons().orElse(null)));
    }

    private static String nextStep(FlowState state) {
        return switch (state) {
            case VALIDATED -> IdentityValidation.NEXT_COMPLETE;
            case CHALLENGE_REQUIRED -> IdentityValidation.NEXT_CHALLENGE;
            default -> IdentityValidation.NEXT_NONE;
        };
    }

    private static IdentityChallenge.PrefilledIndividual prefilled(Individual individual) {
        if (individual == null) {
            return null;
        }
        return new IdentityChallenge.PrefilledIndividual(individual.firstName(), individual.lastName(),
                individual.dob(), individual.ssn(), individual.addresses() == null ? null
                        : individual.addresses().stream().map(a -> new IdentityChallenge.PrefilledAddress(
                                a.address(), a.extendedAddress(), a.city(), a.region(), a.postalCode())).toList(),
                individual.emailAddresses());
    }

    /**
     * Checks the individual, then calls {@code /v3/complete}; only on a validated flow. Field formats were checked
     * by Bean Validation at the boundary; the rules it cannot express (name or SSN, real dates) are checked here
     * before the flow is even looked up: a bad request is a bad request whatever the flow's state, and bad input
     * never gets near the database or Prove.
     */
    public IdentityVerification complete(String flowId, Person person) {
        Instant now = clock.instant();
        Individual individual;
        try {
            individual = person.forProve(LocalDate.ofInstant(now, ZoneOffset.UTC));
        } catch (GatewayException invalid) {
            throw invalid.forFlow(flowId);
        }
        FlowSession session = find(flowId);
        session.requireStep("complete", FlowKind.IDENTITY, now, FlowState.VALIDATED);
        CompleteResponse answer;
        try {
            answer = prove.complete(new CompleteRequest(session.correlationId(), individual));
        } catch (ProveApiException e) {
            throw ProveFailures.translate(e, flowId);
        } catch (FaultToleranceException e) {
            throw ProveFailures.translate(e, "complete", flowId);
        }
        FlowSession after = outcomes.completed(flowId, answer);
        return new IdentityVerification(flowId, after.state().name(), answer.success(),
                Reasons.decode(after.failureReasons().orElse(null)),
                IdentityVerification.IdvResult.of(answer.idv()), IdentityVerification.KycResult.of(answer.kyc()));
    }

    private FlowSession find(String flowId) {
        return sessions.find(flowId).filter(session -> session.kind() == FlowKind.IDENTITY)
                .orElseThrow(() -> new GatewayException(ProblemType.FLOW_NOT_FOUND, "No identity flow with this id"));
    }

    /** Prove accepts only digits, {@code .} and {@code :}; IPv4 must be a dotted quad, IPv6 hex groups. */
    private static void checkIpAddress(String ip) {
        boolean ipv6 = ip.contains(":") && IPV6.matcher(ip).matches();
        if (!IPV4.matcher(ip).matches() && !ipv6) {
            throw GatewayException.invalidField("ipAddress", "must be an IPv4 or IPv6 address");
        }
    }
}
