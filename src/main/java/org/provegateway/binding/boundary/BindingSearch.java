package org.provegateway.binding.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/key-bindings/search}: exactly one lookup value. Phone numbers and customer references
 * travel in a body, never in a URL, because proxies, access logs and traces record URLs.
 */
@Schema(name = "BindingSearch", description = "Exactly one of the four")
public record BindingSearch(
        @Schema(description = "A phone number, parsed like everywhere else (international ones with +)",
                examples = "2001004014")
        @Size(max = 32) String phoneNumber,

        @Schema(description = "The bank's customer reference", examples = "CUST-000123")
        @Size(max = 64) @Pattern(regexp = KeyBindingsResource.ID, message = KeyBindingsResource.ID_RULE)
        String customerReference,

        @Schema(description = "A Prove Key's device id")
        @Size(max = 64) @Pattern(regexp = KeyBindingsResource.ID, message = KeyBindingsResource.ID_RULE)
        String deviceId,

        @Schema(description = "Prove's id of the person")
        @Size(max = 64) @Pattern(regexp = KeyBindingsResource.ID, message = KeyBindingsResource.ID_RULE)
        String proveId) {
}
