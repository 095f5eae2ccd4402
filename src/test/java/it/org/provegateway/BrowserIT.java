package it.org.provegateway;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * A person in a real browser (Debian's Chromium, driven by Playwright): the demo page's main paths and the OpenAPI
 * UI, as the demo serves them (the demo page's WAR and the demo's content security policy; src/test/liberty/test.xml).
 * Only what a person sees and clicks is used; every flow goes page → the page's back end → gateway → emulator.
 * Screenshots go to target/browser/ (docs/ holds copies of two of them).
 */
class BrowserIT extends GatewayIT {

    private static final String PAGE = HOST + "/prove-demo/";
    private static final Path SCREENSHOTS = Paths.get(System.getProperty("it.screenshots", "target/browser"));

    private static Playwright playwright;
    private static Browser browser;

    private BrowserContext context;
    private Page page;
    /** What the browser reported as errors: failed scripts, blocked resources (content security policy), ... */
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @Deployment(name = "demo-page", testable = false, order = 3)
    public static WebArchive demoPage() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.demo.war")));
    }

    @BeforeAll
    static void launchChromium() {
        Path chromium = Paths.get(System.getProperty("it.chromium", "/usr/bin/chromium"));
        assertThat(Files.isExecutable(chromium)).as("Chromium at %s (Debian: apt-get install -y chromium; or "
                + "-Dit.chromium=<path>)", chromium).isTrue();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // The flags keep Chromium off the network (this machine has none) and work as root in a container.
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-dev-shm-usage")));
        // A loaded 2-CPU machine: a flow's gateway and emulator calls can take seconds.
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        context.setDefaultTimeout(60_000);
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add(error));
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        // What the page showed at the end of each test, failed ones included.
        screenshot("last-" + test.getTestMethod().map(method -> method.getName()).orElse("test") + ".png");
        context.close();
    }

    @Test
    void signInWithSmsCodeThenTheRecoveredPhoneSignsInWithItsKeyAlone() {
        page.navigate(PAGE);
        String customer = page.locator("#sign-in-customer").inputValue();
        assertThat(customer).as("a customer number of its own per visit").startsWith("CUST-");
        page.locator("#sign-in-preset").selectOption("2001004014");

        page.locator("#sign-in-start").click();
        assertThat(page.locator("#phone-active")).isVisible();
        page.locator("#phone-otp").fill("1234");
        page.locator("#phone-otp-send").click();
        assertThat(page.locator("#sign-in-result")).hasText("Signed in: possession VERIFIED");
        Locator bindings = page.locator("#bindings .binding");
        assertThat(bindings).hasCount(1);
        assertThat(bindings.locator("td[data-field=state]")).hasText("ACTIVE");
        String deviceId = page.locator("#sign-in-outcome td[data-field=deviceId]").textContent();
        assertThat(deviceId).matches("[0-9a-f-]{36}");

        // Next login of the same customer: the gateway passes the bound device to Prove; the key alone suffices.
        page.locator("#sign-in-start").click();
        assertThat(page.locator("#sign-in-status")).containsText("recovered");
        page.locator("#phone-key").click();
        assertThat(page.locator("#sign-in-result")).hasText("Signed in: possession VERIFIED");
        assertThat(page.locator("#sign-in-outcome td[data-field=deviceId]")).hasText(deviceId);
        assertThat(bindings).hasCount(1);
        assertThat(bindings.locator(".history")).containsText("USED");
        assertThat(page.locator("#calls .call").first()).containsText("GET /prove-demo/api/bindings");

        screenshot("demo-page-sign-in.png");
        assertThat(consoleErrors).as("browser errors (scripts, content security policy)").isEmpty();
    }

    @Test
    void cancelledCheckIsRefusedAndBindsNothing() {
        page.navigate(PAGE);
        page.locator("#sign-in-preset").selectOption("2001004015");
        page.locator("#sign-in-start").click();
        page.locator("#phone-cancel").click();
        assertThat(page.locator("#sign-in-result")).hasText("Not signed in: POSSESSION_FAILED");
        assertThat(page.locator("#bindings")).containsText("No Prove Key is bound");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void instantLinkSignsInFromAComputer() {
        page.navigate(PAGE);
        page.locator("#sign-in-preset").selectOption("2001004014");
        page.locator("input[name=possessionType][value=desktop]").check();
        page.locator("#sign-in-start").click();
        assertThat(page.locator("#phone-key")).isHidden();
        page.locator("#phone-link").click();
        assertThat(page.locator("#sign-in-result")).hasText("Signed in: possession VERIFIED");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void accountOpeningVerifiesThePhoneThenThePerson() {
        page.navigate(PAGE);
        page.locator("#tab-identity").click();
        page.locator("#identity-preset").selectOption("2001004009");
        page.locator("#identity-start").click();
        page.locator("#phone-otp").fill("1234");
        page.locator("#phone-otp-send").click();
        assertThat(page.locator("#complete-form")).isVisible();
        assertThat(page.locator("#complete-form input[name=lastName]")).hasValue("Harper");
        page.locator("#complete-send").click();
        assertThat(page.locator("#identity-result")).hasText("Account opened: identity verified");
        assertThat(page.locator("#identity-outcome td[data-field='KYC hits']")).hasText("0");

        screenshot("demo-page-identity.png");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void mismatchingDetailsAreNotVerified() {
        page.navigate(PAGE);
        page.locator("#tab-identity").click();
        page.locator("#identity-preset").selectOption("2001001698");
        page.locator("#identity-start").click();
        page.locator("#phone-otp").fill("1234");
        page.locator("#phone-otp-send").click();
        assertThat(page.locator("#complete-form")).isVisible();
        assertThat(page.locator("#challenge-form")).isHidden();
        page.locator("#complete-form input[name=ssn]").fill("123456789");
        page.locator("#complete-send").click();
        assertThat(page.locator("#identity-result")).containsText("Not opened");
        assertThat(page.locator("#identity-outcome")).containsText("9012");
    }

    /**
     * A Pre-Fill customer: when the gateway answers validate with CHALLENGE_REQUIRED the page asks for the date of
     * birth and SSN and fills the application from Prove's answer; a gateway or emulator without the challenge goes
     * straight to the application. Either way the account is opened.
     */
    @Test
    void preFillCustomerAnswersTheChallengeWhenOfferedAndOpensTheAccount() {
        page.navigate(PAGE);
        page.locator("#tab-identity").click();
        page.locator("#identity-preset").selectOption("2001001693");
        page.locator("#identity-start").click();
        page.locator("#phone-otp").fill("1234");
        page.locator("#phone-otp-send").click();
        Locator challenge = page.locator("#challenge-form");
        Locator application = page.locator("#complete-form");
        assertThat(page.locator("#challenge-form:not([hidden]), #complete-form:not([hidden])").first()).isVisible();
        if (challenge.isVisible()) {
            page.locator("#challenge-send").click();
        }
        assertThat(application).isVisible();
        assertThat(application.locator("input[name=lastName]")).hasValue("Longo");
        page.locator("#complete-send").click();
        assertThat(page.locator("#identity-result")).hasText("Account opened: identity verified");
    }

    @Test
    void openApiUiRendersTheGatewaysOperations() {
        page.navigate(HOST + "/openapi/ui/");
        Locator operations = page.locator(".opblock");
        assertThat(operations.first()).isVisible();
        assertThat(page.locator(".opblock-summary-path", new Page.LocatorOptions()
                .setHasText("/api/v1/possession-flows")).first()).isVisible();
        for (String path : List.of("/api/v1/possession-flows/{flowId}/bind", "/api/v1/identity-flows/{flowId}/complete",
                "/api/v1/key-bindings/bulk-check", "/api/v1/binding-health/runs")) {
            assertThat(page.locator(".opblock-summary-path", new Page.LocatorOptions().setHasText(path)).first())
                    .isVisible();
        }
        assertThat(operations.count()).as("every gateway operation").isGreaterThanOrEqualTo(14);
        screenshot("openapi-ui.png");
        assertThat(consoleErrors).as("browser errors (scripts, content security policy)")
                .noneMatch(error -> error.contains("Content Security Policy"));
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
