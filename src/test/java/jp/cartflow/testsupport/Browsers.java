package jp.cartflow.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for the browser tests, from Debian's {@code chromium} and {@code chromium-driver}
 * packages (or {@code CHROME_BIN} / {@code CHROMEDRIVER}). As a JUnit condition it skips a test class,
 * with one line saying why, when either is missing; a test that did run leaves
 * {@code target/browser-tests-ran}, which {@code .ci/run} insists on.
 */
public final class Browsers implements ExecutionCondition {

    public static final Path MARKER = Path.of("target", "browser-tests-ran");
    private static final List<String> CHROME_CANDIDATES = List.of("/usr/lib/chromium/chromium", "/usr/bin/chromium");
    private static final List<String> DRIVER_CANDIDATES = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    /** A browser's language: one of Japan, or none at all (no Accept-Language header). */
    public enum Language {
        JAPANESE("ja-JP,ja"),
        NONE("");

        final String acceptLanguages;

        Language(String acceptLanguages) {
            this.acceptLanguages = acceptLanguages;
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        String chrome = chrome();
        String driver = driver();
        if (chrome == null || driver == null) {
            String reason = "browser tests SKIPPED: " + (chrome == null ? "no Chromium (CHROME_BIN, /usr/bin/chromium)" : "")
                    + (chrome == null && driver == null ? " and " : "")
                    + (driver == null ? "no chromedriver (CHROMEDRIVER, /usr/bin/chromedriver)" : "")
                    + " — install the Debian packages chromium chromium-driver fonts-noto-cjk (.ci/run does)";
            System.out.println("[WARNING] " + context.getDisplayName() + ": " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
        return ConditionEvaluationResult.enabled("Chromium " + chrome + ", driver " + driver);
    }

    /** Records that the browser tests ran (for {@code .ci/run}). */
    public static void markRan(String what) {
        try {
            Files.createDirectories(MARKER.getParent());
            Files.writeString(MARKER, what + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh headless Chromium with its own profile directory, no background traffic, the given language, and
     * the given time zone (the browser's own zone, to prove the webapps do not depend on it).
     */
    public static ChromeDriver start(Language language, String timeZone, Path profileDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profileDir.toAbsolutePath());
        if (language == Language.JAPANESE) {
            options.addArguments("--lang=ja-JP");
        }
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", language.acceptLanguages);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driver()).toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", timeZone, "LANGUAGE", language == Language.JAPANESE ? "ja" : "C",
                        "LANG", "C.UTF-8"))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    static String chrome() {
        return executable(System.getenv("CHROME_BIN"), CHROME_CANDIDATES);
    }

    static String driver() {
        return executable(System.getenv("CHROMEDRIVER"), DRIVER_CANDIDATES);
    }

    private static String executable(String configured, List<String> candidates) {
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Path.of(configured)) ? configured : null;
        }
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst().orElse(null);
    }
}
