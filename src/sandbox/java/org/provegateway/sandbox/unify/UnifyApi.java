package org.provegateway.sandbox.unify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.provegateway.sandbox.flows.Flows;
import org.provegateway.sandbox.keys.ProveKey;
import org.provegateway.sandbox.keys.ProveKeys;
import org.provegateway.sandbox.platform.FieldRule;
import org.provegateway.sandbox.platform.JsonAnswer;
import org.provegateway.sandbox.platform.RequestFields;
import org.provegateway.sandbox.platform.SandboxError;
import org.provegateway.sandbox.users.Product;
import org.provegateway.sandbox.users.TestUser;
import org.provegateway.sandbox.users.TestUsers;

/**
 * The Unify endpoints after authentication: request checks in the documented order (body 8001, required fields 1001,
 * formats 8001), then the business rules, which the {@link UnifyFlow} owns.
 *
 * <p>Behaviour choices: when both {@code phoneNumber} and {@code proveId} are sent, the number decides the user and
 * {@code proveId} is ignored; an unknown {@code proveId} answers 8007. {@code deviceId} of an unknown key is ignored;
 * of an active key it selects that key's device; of a revoked key it answers 8019 (D15). {@code mobileAuthEnabled} is
 * accepted and ignored, as is {@code phoneNumber} on {@code /v3/unify-status}. Status and bind echo the
 * {@code clientRequestId} of the call, or else that of {@code /v3/unify}.
 */
@ApplicationScoped
public class UnifyApi {

    @Inject
    Flows flows;

    @Inject
    ProveKeys keys;

    @Inject
    TestUsers users;

    /** {@code POST /v3/unify}. */
    public JsonObject unify(byte[] body) {
        RequestFields request = RequestFields.parse(body);
        request.require("possessionType", "clientRequestId");
        String typeText = request.peek("possessionType").orElse("");
        request.requireIf(!typeText.equals("mobile") && !request.has("proveId"), "phoneNumber");
        request.requireIf(typeText.equals("desktop"), "finalTargetUrl");

        PossessionType type = PossessionType.fromWire(
                request.choice("possessionType", PossessionType.WIRE_VALUES).orElseThrow());
        String clientRequestId = request.requiredText("clientRequestId", FieldRule.TEXT);
        Optional<String> phoneNumber = request.text("phoneNumber", FieldRule.PHONE_NUMBER);
        request.text("finalTargetUrl", FieldRule.FINAL_TARGET_URL);
        request.text("smsMessage", FieldRule.SMS_MESSAGE);
        boolean allowOtpRetry = request.flag("allowOTPRetry").orElse(false);
        boolean checkReputation = request.flag("checkReputation").orElse(false);
        request.text("clientCustomerId", FieldRule.TEXT);
        Optional<String> clientHumanId = request.text("clientHumanId", FieldRule.TEXT);
        Optional<String> deviceId = request.text("deviceId", FieldRule.TEXT);
        request.text("emailAddress", FieldRule.EMAIL_ADDRESS);
        request.text("ipAddress", FieldRule.IP_ADDRESS);
        Optional<String> proveId = request.text("proveId", FieldRule.TEXT);
        boolean rebind = request.flag("rebind").orElse(false);
        request.flag("mobileAuthEnabled");

        Optional<TestUser> user = phoneNumber.isPresent()
                ? Optional.of(users.byNumber(Product.UNIFY_ONLY, phoneNumber.get()))
                : proveId.map(id -> users.byProveId(Product.UNIFY_ONLY, id));
        Optional<ProveKey> knownKey = deviceId.flatMap(keys::byDeviceId);
        if (knownKey.filter(ProveKey::revoked).isPresent()) {
            throw SandboxError.deviceRevoked();
        }
        UnifyOptions options = new UnifyOptions(rebind, allowOtpRetry, checkReputation, clientRequestId, clientHumanId);
        UnifyFlow flow = flows.add(new UnifyFlow(flows.newIds(), type, user, knownKey.map(ProveKey::device), options, keys));
        return JsonAnswer.object()
                .add("success", "pending")
                .add("correlationId", flow.ids().correlationId())
                .add("authToken", flow.ids().authToken())
                .build();
    }

    /** {@code POST /v3/unify-status}. */
    public JsonObject status(byte[] body) {
        RequestFields request = RequestFields.parse(body);
        request.require("correlationId");
        String correlationId = request.requiredText("correlationId", FieldRule.CORRELATION_ID);
        Optional<String> clientRequestId = request.text("clientRequestId", FieldRule.TEXT);
        request.text("phoneNumber", FieldRule.TEXT);
        UnifyFlow flow = flow(correlationId);
        return flow.status().toJson(echo(clientRequestId, flow), flow.options().clientHumanId());
    }

    /** {@code POST /v3/unify-bind}. */
    public JsonObject bind(byte[] body) {
        RequestFields request = RequestFields.parse(body);
        request.require("correlationId", "phoneNumber");
        String correlationId = request.requiredText("correlationId", FieldRule.CORRELATION_ID);
        String phoneNumber = request.requiredText("phoneNumber", FieldRule.PHONE_NUMBER);
        Optional<String> clientRequestId = request.text("clientRequestId", FieldRule.TEXT);
        UnifyFlow flow = flow(correlationId);
        return flow.bind(phoneNumber).toJson(echo(clientRequestId, flow), flow.options().clientHumanId());
    }

    /** {@code POST /v3/device/revoke}: unknown key 404 / 8010; revoking a revoked key again answers success. */
    public JsonObject revoke(byte[] body) {
        RequestFields request = RequestFields.parse(body);
        request.require("clientRequestId", "deviceId");
        request.requiredText("clientRequestId", FieldRule.TEXT);
        String deviceId = request.requiredText("deviceId", FieldRule.TEXT);
        if (!keys.revoke(deviceId)) {
            throw SandboxError.deviceNotFound();
        }
        return JsonAnswer.object().add("success", true).build();
    }

    private UnifyFlow flow(String correlationId) {
        if (flows.byCorrelationId(correlationId).orElseThrow(SandboxError::invalidCorrelationId) instanceof UnifyFlow unify) {
            return unify;
        }
        throw SandboxError.stepNotAllowed();
    }

    private static Optional<String> echo(Optional<String> clientRequestId, UnifyFlow flow) {
        return clientRequestId.or(() -> Optional.of(flow.options().clientRequestId()));
    }
}
