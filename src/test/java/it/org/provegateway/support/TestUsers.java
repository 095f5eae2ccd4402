package it.org.provegateway.support;

/**
 * TEST ONLY: Prove's published sandbox test users (phone numbers) that the tests use, in one place. What each one
 * answers is documented with the emulator (docs/sandbox.md); the names are Prove's.
 */
public final class TestUsers {

    /** Unified Authentication: possession passes (OTP 1234 on mobile, Instant Link on desktop). */
    public static final String LORANT = "2001004014";
    public static final String LANEY = "2001004015";
    public static final String INGE = "2001004016";
    /** Mobile Auth. */
    public static final String JESSE = "2001004017";
    public static final String BARBARAANNE = "2001004018";
    public static final String PENNY = "2001004041";
    /** Unified Authentication users given with a leading '+'. */
    public static final String BERTIE = "+2001004025";
    public static final String BONNIE = "+2001004026";
    public static final String ALLISSA = "+2001004027";
    public static final String WENDY = "+2001004028";
    public static final String JANOS = "+2001004029";
    public static final String AMII = "+2001004043";
    /** Prove Identity. */
    public static final String MARTINA = "2001004000";
    public static final String MILO = "2001001695";
    public static final String BENJI = "2001004009";

    private TestUsers() {
    }
}
