package org.provegateway.proveapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.provegateway.proveapi.IdentityVerdicts.AddressResult;
import org.provegateway.proveapi.IdentityVerdicts.AmlHitField;
import org.provegateway.proveapi.IdentityVerdicts.AmlList;
import org.provegateway.proveapi.IdentityVerdicts.EmailResult;
import org.provegateway.proveapi.IdentityVerdicts.IdentifiersResult;
import org.provegateway.proveapi.IdentityVerdicts.IdvResult;
import org.provegateway.proveapi.IdentityVerdicts.KycResult;
import org.provegateway.proveapi.IdentityVerdicts.NameResult;
import org.provegateway.proveapi.IdentityVerdicts.SourceResult;
import org.provegateway.proveapi.wire.Address;
import org.provegateway.proveapi.wire.DataSource;
import org.provegateway.proveapi.wire.EvaluationCategory;
import org.provegateway.proveapi.wire.Idv;
import org.provegateway.proveapi.wire.Individual;
import org.provegateway.proveapi.wire.Kyc;
import org.provegateway.proveapi.wire.UnifyOutcome;
import org.provegateway.session.entity.Reason;

/** Prove's wire records to the gateway's terms and back: the one place outside {@code wire} that reads them. */
final class WireTerms {

    /** Prove's reason codes and confidence words are short tokens; anything else is not passed on. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final int MAX_DESCRIPTION = 120;

    private WireTerms() {
    }

    static PossessionAnswer.Outcome outcome(UnifyOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> PossessionAnswer.Outcome.SUCCESS;
            case FAILURE -> PossessionAnswer.Outcome.FAILURE;
            case PENDING -> PossessionAnswer.Outcome.PENDING;
            case POSSESSION_REQUIRED -> PossessionAnswer.Outcome.POSSESSION_REQUIRED;
            case UNKNOWN -> PossessionAnswer.Outcome.UNKNOWN;
        };
    }

    /** Prove's {@code evaluation} as the gateway's flat, ordered list of reasons (descriptions bounded). */
    static List<Reason> reasons(Map<String, EvaluationCategory> evaluation) {
        List<Reason> reasons = new ArrayList<>();
        if (evaluation == null) {
            return reasons;
        }
        new TreeMap<>(evaluation).forEach((category, value) -> {
            if (value == null) {
                return;
            }
            if (value.failureReasons() == null || value.failureReasons().isEmpty()) {
                reasons.add(new Reason(category, value.result(), null, null));
            } else {
                new TreeMap<>(value.failureReasons()).forEach((code, description) -> reasons.add(
                        new Reason(category, value.result(), code, truncate(description))));
            }
        });
        return reasons;
    }

    static Individual individual(PersonData person) {
        List<Address> addresses = person.addresses() == null ? null : person.addresses().stream()
                .map(a -> new Address(a.address(), a.extendedAddress(), a.city(), a.region(), a.postalCode()))
                .toList();
        return new Individual(person.firstName(), person.lastName(), person.dob(), person.ssn(), addresses,
                person.emailAddresses());
    }

    static PersonData person(Individual individual) {
        if (individual == null) {
            return null;
        }
        List<PersonData.PostalAddress> addresses = individual.addresses() == null ? null
                : individual.addresses().stream().filter(Objects::nonNull).map(a -> new PersonData.PostalAddress(
                        a.address(), a.extendedAddress(), a.city(), a.region(), a.postalCode())).toList();
        return new PersonData(individual.firstName(), individual.lastName(), individual.dob(), individual.ssn(),
                addresses, individual.emailAddresses());
    }

    static IdvResult idv(Idv idv) {
        return idv == null ? null : new IdvResult(token(idv.multiCipConfidence()), source(idv.dataSource1()),
                source(idv.dataSource2()));
    }

    private static SourceResult source(DataSource source) {
        if (source == null) {
            return null;
        }
        List<String> codes = source.reasonCodes() == null ? null
                : source.reasonCodes().stream().map(WireTerms::token).filter(Objects::nonNull).toList();
        var name = source.name();
        var ids = source.identifiers();
        var a = source.address();
        var email = source.email();
        return new SourceResult(token(source.cipConfidence()), codes,
                name == null ? null : new NameResult(name.firstName(), name.lastName(), name.nameScore()),
                ids == null ? null : new IdentifiersResult(ids.dob(), ids.last4(), ids.ssn()),
                a == null ? null : new AddressResult(a.streetNumber(), a.street(), a.city(), a.region(),
                        a.postalCode(), a.addressScore(), a.distance()),
                email == null ? null : new EmailResult(email.emailAddress()));
    }

    static KycResult kyc(Kyc kyc) {
        return kyc == null ? null : new KycResult(kyc.totalHits(), kyc.amlTypeLists() == null ? null
                : kyc.amlTypeLists().stream().map(list -> new AmlList(list.amlType(), list.listHits(),
                        list.fields() == null ? null : list.fields().stream()
                                .map(f -> new AmlHitField(f.name(), f.source(), f.value())).toList())).toList());
    }

    private static String token(String value) {
        return value != null && TOKEN.matcher(value).matches() ? value : null;
    }

    private static String truncate(String description) {
        if (description == null) {
            return null;
        }
        return description.length() <= MAX_DESCRIPTION ? description : description.substring(0, MAX_DESCRIPTION);
    }
}
