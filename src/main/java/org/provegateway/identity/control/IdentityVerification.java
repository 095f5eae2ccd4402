package org.provegateway.identity.control;

import java.util.List;

import org.provegateway.proveapi.IdentityVerdicts.IdvResult;
import org.provegateway.proveapi.IdentityVerdicts.KycResult;
import org.provegateway.session.entity.Reason;

/**
 * The answer to complete: Prove's verdict, its evaluation reasons, and the identity-verification ({@code idv}) and
 * KYC results. {@code idv} carries Prove's verdicts with Prove's meaning and JSON types: booleans stay booleans
 * (street, city, region, postal code, dob, last4, ssn, e-mail), scores stay integers (name parts, street number,
 * address score), the distance a number; never the submitted values. Parts Prove did not report are omitted. KYC
 * watch-list hits are Prove's data about the listed entity and are passed on for the bank's review.
 *
 * @param status {@code IDENTITY_VERIFIED} or {@code IDENTITY_NOT_VERIFIED}
 */
public record IdentityVerification(
        String flowId,
        String status,
        boolean verified,
        List<Reason> reasons,
        IdvResult idv,
        KycResult kyc) {
}
