package org.provegateway.identity.control;

import java.util.List;
import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.provegateway.proveapi.wire.AddressMatch;
import org.provegateway.proveapi.wire.AmlField;
import org.provegateway.proveapi.wire.AmlTypeList;
import org.provegateway.proveapi.wire.DataSource;
import org.provegateway.proveapi.wire.EmailMatch;
import org.provegateway.proveapi.wire.IdentifiersMatch;
import org.provegateway.proveapi.wire.Idv;
import org.provegateway.proveapi.wire.Kyc;
import org.provegateway.proveapi.wire.NameMatch;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.provegateway.session.entity.Reason;

/**
 * The answer to complete: Prove's verdict, its evaluation reasons, and the identity-verification ({@code idv}) and
 * KYC results. {@code idv} carries Prove's verdicts with Prove's meaning and JSON types: booleans stay booleans
 * (street, city, region, postal code, dob, last4, ssn, e-mail), scores stay integers (name parts, street number,
 * address score), the distance a number; never the submitted values. Parts Prove did not report are omitted. KYC watch-list hits are Prove's data about the
 * listed entity and are passed on for the bank's review.
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

    /** Prove's reason codes and confidence words are short tokens; anything else is not passed on. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    /** Identity verification (CIP) across Prove's data sources. */
    @Schema(name = "IdvResult", description = "Prove's identity verification (CIP) verdicts")
    public record IdvResult(
            @Schema(description = "Prove's multiCIPConfidence", examples = "high") String multiCipConfidence,
            SourceResult dataSource1, SourceResult dataSource2) {

        static IdvResult of(Idv idv) {
            return idv == null ? null : new IdvResult(token(idv.multiCipConfidence()),
                    SourceResult.of(idv.dataSource1()), SourceResult.of(idv.dataSource2()));
        }
    }

    /** How one data source matched the individual. */
    @Schema(name = "SourceVerdict")
    public record SourceResult(@Schema(examples = "high") String cipConfidence,
            @Schema(description = "Prove's reason codes", examples = "[\"NA\",\"DI\"]") List<String> reasonCodes,
            NameResult name,
            IdentifiersResult identifiers, AddressResult address, EmailResult email) {

        static SourceResult of(DataSource source) {
            if (source == null) {
                return null;
            }
            List<String> codes = source.reasonCodes() == null ? null
                    : source.reasonCodes().stream().map(IdentityVerification::token).filter(c -> c != null).toList();
            return new SourceResult(token(source.cipConfidence()), codes, NameResult.of(source.name()),
                    IdentifiersResult.of(source.identifiers()), AddressResult.of(source.address()),
                    EmailResult.of(source.email()));
        }
    }

    @Schema(name = "NameVerdict", description = "Prove's integer match scores for the name (higher is closer)")
    public record NameResult(
            @Schema(description = "Score of the first name", examples = "5") Integer firstName,
            @Schema(description = "Score of the last name", examples = "5") Integer lastName,
            @Schema(description = "Score of the whole name", examples = "100") Integer nameScore) {

        static NameResult of(NameMatch name) {
            return name == null ? null : new NameResult(name.firstName(), name.lastName(), name.nameScore());
        }
    }

    @Schema(name = "IdentifiersVerdict", description = "Whether each identifier matched")
    public record IdentifiersResult(
            @Schema(description = "Date of birth matched", examples = "true") Boolean dob,
            @Schema(description = "Last four of the SSN matched", examples = "true") Boolean last4,
            @Schema(description = "Full SSN matched", examples = "true") Boolean ssn) {

        static IdentifiersResult of(IdentifiersMatch ids) {
            return ids == null ? null : new IdentifiersResult(ids.dob(), ids.last4(), ids.ssn());
        }
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

        static AddressResult of(AddressMatch a) {
            return a == null ? null : new AddressResult(a.streetNumber(), a.street(), a.city(), a.region(),
                    a.postalCode(), a.addressScore(), a.distance());
        }
    }

    @Schema(name = "EmailVerdict")
    public record EmailResult(@Schema(description = "E-mail address matched", examples = "true")
            Boolean emailAddress) {

        static EmailResult of(EmailMatch email) {
            return email == null ? null : new EmailResult(email.emailAddress());
        }
    }

    /** Know-your-customer: watch-list (AML) hits. */
    public record KycResult(Long totalHits, List<AmlList> amlTypeLists) {

        static KycResult of(Kyc kyc) {
            return kyc == null ? null : new KycResult(kyc.totalHits(), kyc.amlTypeLists() == null ? null
                    : kyc.amlTypeLists().stream().map(AmlList::of).toList());
        }
    }

    public record AmlList(String amlType, Long listHits, List<AmlHitField> fields) {

        static AmlList of(AmlTypeList list) {
            return new AmlList(list.amlType(), list.listHits(),
                    list.fields() == null ? null : list.fields().stream().map(AmlHitField::of).toList());
        }
    }

    /** One field of a watch-list entry; {@code value} is the list's data and is never logged. */
    public record AmlHitField(String name, String source, String value) {

        static AmlHitField of(AmlField field) {
            return new AmlHitField(field.name(), field.source(), field.value());
        }

        @Override
        public String toString() {
            return "AmlHitField[name=" + name + ", source=" + source + ", value=***]";
        }
    }

    private static String token(String value) {
        return value != null && TOKEN.matcher(value).matches() ? value : null;
    }
}
