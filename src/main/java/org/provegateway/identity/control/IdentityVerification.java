package org.provegateway.identity.control;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.provegateway.proveapi.wire.AddressMatch;
import org.provegateway.proveapi.wire.AmlField;
import org.provegateway.proveapi.wire.AmlTypeList;
import org.provegateway.proveapi.wire.DataSource;
import org.provegateway.proveapi.wire.EmailMatch;
import org.provegateway.proveapi.wire.IdentifiersMatch;
import org.provegateway.proveapi.wire.Idv;
import org.provegateway.proveapi.wire.Kyc;
import org.provegateway.proveapi.wire.Match;
import org.provegateway.proveapi.wire.NameMatch;
import org.provegateway.session.entity.Reason;

/**
 * The answer to complete: Prove's verdict, its evaluation reasons, and the identity-verification ({@code idv}) and
 * KYC results. {@code idv} carries verdicts ({@code match}, {@code mismatch}, or Prove's number) and scores, never
 * the submitted values; parts Prove did not report are omitted. KYC watch-list hits are Prove's data about the
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
    public record IdvResult(String multiCipConfidence, SourceResult dataSource1, SourceResult dataSource2) {

        static IdvResult of(Idv idv) {
            return idv == null ? null : new IdvResult(token(idv.multiCipConfidence()),
                    SourceResult.of(idv.dataSource1()), SourceResult.of(idv.dataSource2()));
        }
    }

    /** How one data source matched the individual. */
    public record SourceResult(String cipConfidence, List<String> reasonCodes, NameResult name,
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

    public record NameResult(String firstName, String lastName, Long nameScore) {

        static NameResult of(NameMatch name) {
            return name == null ? null : new NameResult(word(name.firstName()), word(name.lastName()),
                    name.nameScore());
        }
    }

    public record IdentifiersResult(String dob, String last4, String ssn) {

        static IdentifiersResult of(IdentifiersMatch ids) {
            return ids == null ? null : new IdentifiersResult(word(ids.dob()), word(ids.last4()), word(ids.ssn()));
        }
    }

    public record AddressResult(String streetNumber, String street, String city, String region, String postalCode,
            Long addressScore, Double distance) {

        static AddressResult of(AddressMatch a) {
            return a == null ? null : new AddressResult(word(a.streetNumber()), word(a.street()), word(a.city()),
                    word(a.region()), word(a.postalCode()), a.addressScore(), a.distance());
        }
    }

    public record EmailResult(String emailAddress) {

        static EmailResult of(EmailMatch email) {
            return email == null ? null : new EmailResult(word(email.emailAddress()));
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

    private static String word(Match match) {
        return Optional.ofNullable(match).map(Match::value).orElse(null);
    }

    private static String token(String value) {
        return value != null && TOKEN.matcher(value).matches() ? value : null;
    }
}
