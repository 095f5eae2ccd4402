package org.provegateway.sandbox.users;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.provegateway.sandbox.platform.SandboxError;
import org.provegateway.sandbox.users.IdentityRecord.PostalAddress;

/**
 * The catalogue of Prove's published sandbox test users: Unify, Pre-Fill and Prove Identity (docs/sandbox.md section
 * 3). Identity Manager users are out of scope.
 */
public final class TestUsers {

    private static final List<TestUser> USERS = List.of(
            // Unify: short-term (no client step, no Prove Key)
            unify("2001004018", "Barbaraanne", "Canet", true, true, MobileAuth.UNAVAILABLE, false, false),
            unify("+2001004029", "Janos", "Martina", true, true, MobileAuth.UNAVAILABLE, false, false),
            // Unified Auth
            unify("2001004014", "Lorant", "Nerger", false, true, MobileAuth.UNAVAILABLE, false, false),
            unify("2001004015", "Laney", "Dyball", false, false, MobileAuth.UNAVAILABLE, false, false),
            unify("+2001004025", "Bertie", "Fremont", false, true, MobileAuth.UNAVAILABLE, false, false),
            unify("+2001004026", "Bonnie", "Sidon", false, false, MobileAuth.UNAVAILABLE, false, false),
            // Mobile Auth
            unify("2001004016", "Inge", "Galier", false, true, MobileAuth.PASS, false, false),
            unify("2001004017", "Jesse", "Mashro", false, false, MobileAuth.FAIL, false, false),
            unify("2001004041", "Penny", "Jowers", false, true, MobileAuth.FALLBACK_TO_OTP, true, true),
            unify("+2001004027", "Allissa", "Zoren", false, true, MobileAuth.PASS, false, false),
            unify("+2001004028", "Wendy", "Strover", false, false, MobileAuth.FAIL, false, false),
            unify("+2001004043", "Amii", "Porritt", false, true, MobileAuth.FALLBACK_TO_OTP, true, false),
            // Prove Identity
            identity("2001004000", "Martina", "Goodram", true, false, "28965 Homewood Plaza", "Little Rock", "AR",
                    "72204", "7/26/1995", "490959347", "mgoodram0@nasa.gov"),
            identity("2001004009", "Benji", "Harper", false, false, "27 Financial Place", "Bakersfield", "CA",
                    "93301-2425", "09/02/1994", "565252770", "bharperd@superstars.com"),
            identity("2001001698", "Enid", "Wildt", false, false, "861 Karstens Circle", "Washington", "DC",
                    "20409", "6/18/1996", "212285822", "ewildtp@eepurl.com"),
            identity("2001001699", "Carney", "Reinisch", false, false, "582 Coleman Point", "San Antonio", "TX",
                    "78230", "3/3/2000", "166521601", "creinischq@php.net"),
            identity("5551111111", "Lena", "Lansberry", false, true, "663 Stephen Drive", "Grand Rapids", "MI",
                    "49518", "3/4/1999", "657766672", "llansberryk@nbcnews.com"),
            identity("5552222222", "Axe", "Summersett", false, true, "1823 School Park", "Phoenix", "AZ",
                    "85025", "9/24/1963", "670752404", "asummersettl@boston.com"),
            // Pre-Fill
            prefill("2001001695", "Milo", "Pinson", true, false, "6377 Birchwood Hill", "Littleton", "CO",
                    "80161-2001", "1/17/1981", "847350596", "mpinsonm@dyndns.org"),
            prefill("2001001693", "Marcia", "Longo", false, false, "00 Mallard Park", "New Orleans", "LA",
                    "70165", "7/19/1982", "470806227", "mlongok@amazonaws.com")
                    .withAddress(new PostalAddress("71 Walton Trail", "Memphis", "TN", "38150")),
            prefill("2001001688", "Nevin", "Chattey", false, false, "9398 Scott Plaza", "Austin", "TX",
                    "78744", "3/20/1980", "542742985", "nchatteyf@techcrunch.com"),
            prefill("2001001687", "Agretha", "Chene", false, false, "4861 Jay Junction", "Boston", "MS",
                    "02208", "12/29/1994", "369956933", "achenee@printfriendly.com"),
            prefill("5550000000", "Cathee", "Simmonett", false, true, "49 Moulton Plaza", "Athens", "GA",
                    "30610", "10/6/1962", "771240999", "csimmonettj@toplist.cz"),
            // SSN truncated and e-mail not retrieved in the sources: both unknown.
            prefill("5555555555", "Van", "Moors", false, true, "9 Prairie Rose Court", "Columbus", "MS",
                    "39705", "1/7/1976", null, null));

    public List<TestUser> all() {
        return USERS;
    }

    /**
     * The test user with this number, when the user belongs to one of the accepted products.
     *
     * @throws SandboxError 8009 for a test user of another product, 8007 for a number that is no test user
     */
    public TestUser byNumber(Set<Product> accepted, String phoneNumber) {
        return accepted(accepted, USERS.stream().filter(u -> u.matches(phoneNumber)).findFirst())
                .orElseThrow(SandboxError::noTestUser);
    }

    /** As {@link #byNumber}, by {@code proveId}. */
    public TestUser byProveId(Set<Product> accepted, String proveId) {
        return accepted(accepted, USERS.stream().filter(u -> u.proveId().equals(proveId)).findFirst())
                .orElseThrow(SandboxError::noTestUserForProveId);
    }

    private static Optional<TestUser> accepted(Set<Product> accepted, Optional<TestUser> user) {
        if (user.isPresent() && !accepted.contains(user.get().product())) {
            throw SandboxError.otherProductsTestUser();
        }
        return user;
    }

    private static TestUser unify(String number, String first, String last, boolean shortTerm, boolean passes,
            MobileAuth mobileAuth, boolean reputationRisk, boolean revokesFirstKey) {
        return new TestUser(number, first, last, Product.UNIFY, shortTerm, passes, mobileAuth, reputationRisk,
                revokesFirstKey, Optional.empty());
    }

    private static TestUser identity(String number, String first, String last, boolean shortTerm, boolean mobileAuth,
            String address, String city, String region, String postalCode, String dob, String ssn, String email) {
        return person(Product.IDENTITY, number, first, last, shortTerm, mobileAuth, address, city, region, postalCode,
                dob, ssn, email);
    }

    private static TestUser prefill(String number, String first, String last, boolean shortTerm, boolean mobileAuth,
            String address, String city, String region, String postalCode, String dob, String ssn, String email) {
        return person(Product.PREFILL, number, first, last, shortTerm, mobileAuth, address, city, region, postalCode,
                dob, ssn, email);
    }

    private static TestUser person(Product product, String number, String first, String last, boolean shortTerm,
            boolean mobileAuth, String address, String city, String region, String postalCode, String dob, String ssn,
            String email) {
        IdentityRecord record = new IdentityRecord(List.of(new PostalAddress(address, city, region, postalCode)),
                tableDate(dob), Optional.ofNullable(ssn), Optional.ofNullable(email));
        return new TestUser(number, first, last, product, shortTerm, true,
                mobileAuth ? MobileAuth.PASS : MobileAuth.UNAVAILABLE, false, false, Optional.of(record));
    }

    /** The tables write dates as m/d/yyyy. */
    private static LocalDate tableDate(String monthDayYear) {
        String[] parts = monthDayYear.split("/");
        return LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
