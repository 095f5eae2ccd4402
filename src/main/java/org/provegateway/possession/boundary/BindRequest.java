package org.provegateway.possession.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/possession-flows/{flowId}/bind}. */
@Schema(name = "BindRequest", description = "Binds a Prove Key after the bank's own possession check passed")
public record BindRequest(
        @Schema(description = "true: the bank's own possession check (e.g. its SMS OTP) passed", required = true)
        @NotNull Boolean possessionCheckPassed) {
}
