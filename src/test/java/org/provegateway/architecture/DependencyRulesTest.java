package org.provegateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The architecture's rules, read from the production sources: {@code proveapi} is the one anti-corruption layer
 * (nobody else knows Prove's wire format or catches Prove's failures), and {@code ProveService} only delegates.
 */
class DependencyRulesTest {

    static final Path MAIN = Path.of("src/main/java");
    static final String PROVEAPI = "org/provegateway/proveapi/";
    static final Pattern WIRE_IMPORT = Pattern.compile("import\\s+(static\\s+)?org\\.provegateway\\.proveapi\\."
            + "(wire|client)\\.");
    static final Pattern RAW_API_IMPORT = Pattern.compile("import\\s+org\\.provegateway\\.proveapi\\."
            + "(ProveApi|Prove\\w*Exception|ProveFailures|ProveErrorCode);");
    static final Pattern PROVE_CATCH = Pattern.compile("catch\\s*\\(([^)]*\\|\\s*)?(Prove\\w*Exception|"
            + "FaultToleranceException|CircuitBreakerOpenException)\\b");
    static final Pattern FAULT_TOLERANCE_IMPORT = Pattern.compile(
            "import\\s+org\\.eclipse\\.microprofile\\.faulttolerance\\.exceptions\\.");

    static Map<String, String> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toMap(
                    f -> MAIN.relativize(f).toString().replace('\\', '/'), DependencyRulesTest::read));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> outsideProveApiMatching(Pattern pattern) {
        return sources().entrySet().stream()
                .filter(source -> !source.getKey().startsWith(PROVEAPI))
                .filter(source -> pattern.matcher(source.getValue()).find())
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Test
    void theSourcesAreWhereTheRulesLook() {
        assertThat(sources()).containsKeys(PROVEAPI + "Prove.java", "org/provegateway/ProveService.java");
    }

    @Test
    void noClassOutsideProveApiKnowsProvesWireFormatOrClient() {
        assertThat(outsideProveApiMatching(WIRE_IMPORT)).isEmpty();
    }

    @Test
    void noClassOutsideProveApiCallsTheRawApiOrHandlesProvesFailures() {
        assertThat(outsideProveApiMatching(RAW_API_IMPORT)).as("use proveapi.Prove and GatewayException")
                .isEmpty();
        assertThat(outsideProveApiMatching(PROVE_CATCH)).isEmpty();
        assertThat(outsideProveApiMatching(FAULT_TOLERANCE_IMPORT)).as("fault tolerance's failures, too")
                .isEmpty();
    }

    @Test
    void provesFailuresAreTranslatedInOnePlaceInsideProveApi() {
        List<String> translating = sources().entrySet().stream()
                .filter(source -> source.getValue().contains("ProveFailures.translate("))
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(translating).containsExactly(PROVEAPI + "Prove.java");
    }

    @Test
    void proveServiceOnlyDelegates() {
        String service = sources().get("org/provegateway/ProveService.java");
        assertThat(service).doesNotContain("try {", "catch (", "catch(");
    }
}
