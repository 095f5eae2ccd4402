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
 * The Prove Identity endpoints after authentication: body (8001), required fields (1001), formats (8001), then the
 * flow's rules. {@code dob} and {@code ssn} of {@code /v3/start} are format-checked and otherwise unused (there is
 * no Pre-Fill challenge). {@code /v3/challenge} exists only to answer 1003: validate never offers it.
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
        request.text("dob", FieldRule.TEXT).ifPresent(dob -> PartialDate.parse("dob", dob));
        request.text("ssn", FieldRule.SSN);
        request.text("emailAddress", FieldRule.EMAIL_ADDRESS);
        request.text("ipAddress", FieldRule.IP_ADDRESS);

        TestUser user = users.byNumber(Product.IDENTITY, phoneNumber).orElseThrow(SandboxError::noTestUser);
        IdentityFlow flow = flows.add(new IdentityFlow(flows.newIds(), type, user, allowOtpRetry));
        return JsonAnswer.object()
                .add("authToken", flow.ids().authToken())
                .add("correlationId", flow.ids().correlationId())
                .add("next", Json.createObjectBuilder().add("v3-validate", "/v3/validate").build())
                .build();
    }

    /** {@code POST /v3/validate}. */
    public JsonObject validate(byte[] body) {
        IdentityFlow flow = flow(correlationIdOnly(body));
        if (flow.validate()) {
            return JsonAnswer.object().add("success", true).add("challengeMissing", false)
                    .add("next", Json.createObjectBuilder().add("v3-complete", "/v3/complete").build())
                    .add("phoneNumber", flow.phoneNumber())
                    .build();
        }
        return JsonAnswer.object().add("success", false).add("challengeMissing", false).add("next", done()).build();
    }

    /** {@code POST /v3/challenge}: never offered by validate, so always 1003 once the request is valid. */
    public JsonObject challenge(byte[] body) {
        flow(correlationIdOnly(body));
        throw SandboxError.stepNotAllowed();
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
                .add("next", done())
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

    private static JsonObject done() {
        return Json.createObjectBuilder().add("done", "done").build();
    }
}
