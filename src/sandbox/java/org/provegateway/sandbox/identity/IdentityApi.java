package org.provegateway.sandbox.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.provegateway.sandbox.flows.Flows;
import org.provegateway.sandbox.platform.FieldRule;
import org.provegateway.sandbox.platform.JsonAnswer;
import org.provegateway.sandbox.platform.RequestFields;
import org.provegateway.sandbox.platform.SandboxError;
import org.provegateway.sandbox.users.Product;
import org.provegateway.sandbox.users.TestUser;
import org.provegateway.sandbox.users.TestUsers;

/**
 * The Pre-Fill and Prove Identity endpoints after authentication: body (8001), required fields (1001), formats (8001),
 * then the test user (8009 for a Unify user, 8007 for no test user) and the flow's rules. {@code dob} and {@code ssn}
 * of {@code /v3/start} are the Pre-Fill challenge data that {@code /v3/challenge} may replace (unused for Identity).
 */
@ApplicationScoped
public class IdentityApi {

    @Inject
    Flows flows;

    @Inject
    TestUsers users;

    /** {@code POST /v3/start}. */
    public JsonObject start(byte[] body) {
        RequestFields request = RequestFields.parse(body);
        request.require("flowType", "phoneNumber");
        request.requireIf(request.peek("flowType").filter("desktop"::equals).isPresent(), "finalTargetUrl");

        FlowType type = FlowType.fromWire(request.choice("flowType", FlowType.WIRE_VALUES).orElseThrow());
        String phoneNumber = request.requiredText("phoneNumber", FieldRule.PHONE_NUMBER);
        request.text("finalTargetUrl", FieldRule.FINAL_TARGET_URL);
        request.text("smsMessage", FieldRule.SMS_MESSAGE);
        boolean allowOtpRetry = request.flag("allowOTPRetry").orElse(false);
        ChallengeData challengeData = challengeData(request);
        request.text("emailAddress", FieldRule.EMAIL_ADDRESS);
        request.text("ipAddress", FieldRule.IP_ADDRESS);

        TestUser user = users.byNumber(Product.START_FAMILY, phoneNumber);
        IdentityFlow flow = flows.add(new IdentityFlow(flows.newIds(), type, user, allowOtpRetry, challengeData));
        return JsonAnswer.object()
                .add("authToken", flow.ids().authToken())
                .add("correlationId", flow.ids().correlationId())
                .add("next", Json.createObjectBuilder().add("v3-validate", "/v3/validate").build())
                .build();
    }

    /** {@code POST /v3/validate}. */
    public JsonObject validate(byte[] body) {
        IdentityFlow flow = flow(correlationIdOnly(body));
        IdentityFlow.Validation validation = flow.validate();
        JsonAnswer answer = JsonAnswer.object().add("success", validation.success())
                .add("challengeMissing", validation.challengeMissing())
                .add("next", next(validation.next()));
        if (validation.success()) {
            answer.add("phoneNumber", flow.phoneNumber());
        }
        return answer.build();
    }

    /**
     * {@code POST /v3/challenge} (Pre-Fill): passed → the pre-filled {@code individual} and {@code next v3-complete};
     * failed → {@code success=false}, {@code next done}, no individual.
     */
    public JsonObject challenge(byte[] body) {
        RequestFields request = RequestFields.parse(body);
        request.require("correlationId");
        String correlationId = request.requiredText("correlationId", FieldRule.CORRELATION_ID);
        ChallengeData given = challengeData(request);

        Challenge challenge = flow(correlationId).challenge(given);
        return JsonAnswer.object()
                .add("success", challenge.success())
                .add("next", next(challenge.success() ? "v3-complete" : "done"))
                .addObject("individual", challenge.individual())
                .add("evaluation", challenge.evaluation())
                .build();
    }

    /** {@code POST /v3/complete}. */
    public JsonObject complete(byte[] body) {
        RequestFields request = RequestFields.parse(body);
        request.require("correlationId", "individual");
        RequestFields individualFields = request.object("individual").orElseThrow();
        Individual.requireNameOrSsn(individualFields);
        String correlationId = request.requiredText("correlationId", FieldRule.CORRELATION_ID);
        Individual individual = Individual.read(individualFields);

        IdentityCheck check = flow(correlationId).complete(individual);
        return JsonAnswer.object()
                .add("success", check.success())
                .add("next", next("done"))
                .add("evaluation", check.evaluation())
                .add("idv", check.idv())
                .add("kyc", Json.createObjectBuilder().add("totalHits", 0).build())
                .build();
    }

    private static String correlationIdOnly(byte[] body) {
        RequestFields request = RequestFields.parse(body);
        request.require("correlationId");
        return request.requiredText("correlationId", FieldRule.CORRELATION_ID);
    }

    private IdentityFlow flow(String correlationId) {
        if (flows.byCorrelationId(correlationId).orElseThrow(SandboxError::invalidCorrelationId) instanceof IdentityFlow identity) {
            return identity;
        }
        throw SandboxError.stepNotAllowed();
    }

    private static ChallengeData challengeData(RequestFields request) {
        return new ChallengeData(request.text("dob", FieldRule.TEXT).map(dob -> PartialDate.parse("dob", dob)),
                request.text("ssn", FieldRule.SSN));
    }

    /** Prove's {@code next} map: the step's name to its path, or {@code {"done":"done"}}. */
    private static JsonObject next(String step) {
        return Json.createObjectBuilder().add(step, step.equals("done") ? "done" : "/" + step.replace('-', '/'))
                .build();
    }
}
