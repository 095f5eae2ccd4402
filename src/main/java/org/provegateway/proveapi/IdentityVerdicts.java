package org.provegateway.proveapi;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Prove's {@code /v3/complete} verdicts in the gateway's terms, as answered to callers. {@code idv} keeps Prove's
 * meaning and JSON types: booleans stay booleans (street, city, region, postal code, dob, last4, ssn, e-mail), scores
 * stay integers (name parts, street number, address score), the distance a number; never the submitted values.
 * Parts Prove did not report are {@code null} (omitted). KYC watch-list hits are Prove's data about the listed
 * entity, passed on for the bank's review.
 */
public final class IdentityVerdicts {

    private IdentityVerdicts() {
    }

    /** Identity verification (CIP) across Prove's data sources. */
    @Schema(name = "IdvResult", description = "Prove's identity verification (CIP) verdicts")
    public record IdvResult(
            @Schema(description = "Prove's multiCIPConfidence", examples = "high") String multiCipConfidence,
            SourceResult dataSource1, SourceResult dataSource2) {
    }

    /** How one data source matched the individual. */
    @Schema(name = "SourceVerdict")
    public record SourceResult(@Schema(examples = "high") String cipConfidence,
            @Schema(description = "Prove's reason codes", examples = "[\"NA\",\"DI\"]") List<String> reasonCodes,
            NameResult name,
            IdentifiersResult identifiers, AddressResult address, EmailResult email) {
    }

    @Schema(name = "NameVerdict", description = "Prove's integer match scores for the name (higher is closer)")
    public record NameResult(
            @Schema(description = "Score of the first name", examples = "5") Integer firstName,
            @Schema(description = "Score of the last name", examples = "5") Integer lastName,
            @Schema(description = "Score of the whole name", examples = "100") Integer nameScore) {
    }

    @Schema(name = "IdentifiersVerdict", description = "Whether each identifier matched")
    public record IdentifiersResult(
            @Schema(description = "Date of birth matched", examples = "true") Boolean dob,
            @Schema(description = "Last four of the SSN matched", examples = "true") Boolean last4,
            @Schema(description = "Full SSN matched", examples = "true") Boolean ssn) {
    }

    @Schema(name = "AddressVerdict", description = "How the address matched: booleans per part, integer scores, "
            + "and a distance")
    public record AddressResult(
            @Schema(description = "Prove's integer score for the street number", examples = "1") Integer streetNumber,
            @Schema(description = "Street matched", examples = "true") Boolean street,
            @Schema(description = "City matched", examples = "true") Boolean city,
            @Schema(description = "Region (state) matched", examples = "true") Boolean region,
            @Schema(description = "Postal code matched", examples = "true") Boolean postalCode,
            @Schema(description = "Prove's integer score for the whole address", examples = "100")
            Integer addressScore,
            @Schema(description = "Prove's distance between the submitted and the found address", examples = "6.03")
            BigDecimal distance) {
    }

    @Schema(name = "EmailVerdict")
    public record EmailResult(@Schema(description = "E-mail address matched", examples = "true")
            Boolean emailAddress) {
    }

    /** Know-your-customer: watch-list (AML) hits. */
    public record KycResult(Long totalHits, List<AmlList> amlTypeLists) {
    }

    public record AmlList(String amlType, Long listHits, List<AmlHitField> fields) {
    }

    /** One field of a watch-list entry; {@code value} is the list's data and is never logged. */
    public record AmlHitField(String name, String source, String value) {

        @Override
        public String toString() {
            return "AmlHitField[name=" + name + ", source=" + source + ", value=***]";
        }
    }
}
