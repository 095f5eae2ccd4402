package it.org.provegateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * Opens the built WARs: the production WAR must hold no emulator or test code and only the expected libraries
 * (JDBC drivers belong to Liberty's shared resources); the emulator WAR holds only the emulator.
 */
class ProductionWarIT {

    /** Every jar the production WAR may carry. A new dependency must be added here on purpose. */
    private static final List<String> ALLOWED_JARS = List.of("libphonenumber-", "flyway-core-",
            "flyway-database-postgresql-", "flyway-database-derby-", "jackson-databind-",
            "jackson-core-", "jackson-annotations-");

    private static List<String> entries(String property) throws IOException {
        try (ZipFile war = new ZipFile(new File(System.getProperty(property)))) {
            return war.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void productionWarHoldsNoEmulatorNoTestCodeAndOnlyExpectedJars() throws IOException {
        List<String> entries = entries("it.gateway.war");
        assertThat(entries).contains("WEB-INF/classes/org/provegateway/ProveService.class",
                "WEB-INF/classes/db/migration/V1__flow_sessions_and_key_bindings.sql");
        assertThat(entries).noneMatch(name -> name.contains("/sandbox/") || name.contains("Sandbox"))
                .as("the demo page and its back end").noneMatch(name -> name.contains("/demopage/")
                        || name.endsWith(".html") || name.endsWith(".js") || name.endsWith(".css"))
                .noneMatch(name -> name.startsWith("WEB-INF/classes/it/") || name.endsWith("Test.class")
                        || name.endsWith("IT.class") || name.contains("DbProbe"));
        List<String> jars = entries.stream().filter(name -> name.startsWith("WEB-INF/lib/"))
                .map(name -> name.substring("WEB-INF/lib/".length())).filter(name -> !name.isEmpty()).toList();
        assertThat(jars).isNotEmpty().allSatisfy(jar -> assertThat(ALLOWED_JARS).anyMatch(jar::startsWith));
        assertThat(jars).noneMatch(jar -> jar.startsWith("derby") || jar.startsWith("postgresql")
                || jar.startsWith("junit") || jar.startsWith("arquillian") || jar.startsWith("rest-assured"));
    }

    @Test
    void demoPageWarHoldsOnlyThePageAndItsBackEnd() throws IOException {
        List<String> entries = entries("it.demo.war");
        assertThat(entries).contains("index.html", "app.js", "style.css");
        assertThat(entries.stream().filter(name -> name.endsWith(".class")))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith("WEB-INF/classes/org/provegateway/demopage/"));
        assertThat(entries).noneMatch(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"));
    }

    @Test
    void emulatorWarHoldsOnlyTheEmulator() throws IOException {
        List<String> classes = entries("it.sandbox.war").stream()
                .filter(name -> name.startsWith("WEB-INF/classes/") && name.endsWith(".class")).toList();
        assertThat(classes).isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith("WEB-INF/classes/org/provegateway/sandbox/"));
        assertThat(entries("it.sandbox.war")).noneMatch(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"));
    }
}
