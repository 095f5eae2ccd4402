package it.org.provegateway.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Every OAuth access token and authToken the emulator handed out during the suite. Each test class deploys its own
 * emulator, whose memory goes with it, so each class appends its emulator's tokens to a file in {@code target}
 * (system property {@code it.issued.tokens}) before the emulator is undeployed; the closing leak scan reads them all.
 */
public final class TokenLedger {

    private TokenLedger() {
    }

    /** The tokens the emulator at {@code sandboxBase} handed out so far ({@code GET /control/issued-tokens}). */
    public static List<String> issuedBy(String sandboxBase) {
        Response answer = given().get(sandboxBase + "/control/issued-tokens");
        if (answer.statusCode() != 200) {
            return List.of();
        }
        JsonPath json = answer.jsonPath();
        List<String> tokens = new ArrayList<>(json.getList("accessTokens", String.class));
        tokens.addAll(json.getList("authTokens", String.class));
        return tokens;
    }

    /** Appends the tokens of the emulator at {@code sandboxBase} to the suite's ledger file, if one is configured. */
    public static void record(String sandboxBase) {
        Optional<Path> file = file();
        if (file.isEmpty()) {
            return;
        }
        List<String> tokens = issuedBy(sandboxBase);
        try {
            Files.createDirectories(file.get().toAbsolutePath().getParent());
            Files.write(file.get(), tokens, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every token recorded so far in this build. */
    public static List<String> recorded() {
        Optional<Path> file = file();
        try {
            return file.isPresent() && Files.exists(file.get())
                    ? Files.readAllLines(file.get(), StandardCharsets.UTF_8).stream().filter(t -> !t.isBlank()).toList()
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> file() {
        return Optional.ofNullable(System.getProperty("it.issued.tokens")).map(Path::of);
    }
}
