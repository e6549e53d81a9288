package jp.cartflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The summary table at the top of docs/performance.md, printed by a {@code -Pbench} run: every benchmark adds its
 * rows (one file per path under {@code <bench.out>/summary/}) and prints the table of every row written so far,
 * so the last benchmark of a run prints the whole run's table in the same columns as the document.
 */
public final class BenchSummary {

    static final String HEADER = """
            | path | command (`mvn -B -Pbench verify …`) | baseline (same run) | cartflow | ratio | target | met? | date | machine |
            |---|---|---|---|---:|---|---|---|---|
            """;

    private BenchSummary() {
    }

    /** Adds (or replaces) the row of one path; the date and the machine (cores, load average now) are filled in. */
    public static void row(String path, String command, String baseline, String cartflow, String ratio, String target,
                           boolean met) {
        row(path, command, baseline, cartflow, ratio, target, met ? "yes" : "**no**");
    }

    public static void row(String path, String command, String baseline, String cartflow, String ratio, String target,
                           String met) {
        String line = String.join(" | ", "", path, "`" + command + "`", baseline, cartflow, ratio, target, met,
                LocalDate.now().toString(), machine()).strip() + " |\n";
        try {
            Path dir = dir();
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(path.replaceAll("[^A-Za-z0-9]+", "-") + ".md"), line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table of every row written so far (oldest first). */
    public static String table() {
        StringBuilder out = new StringBuilder("\nsummary (the table at the top of docs/performance.md):\n").append(HEADER);
        try (Stream<Path> files = Files.exists(dir()) ? Files.list(dir()) : Stream.empty()) {
            for (Path file : files.sorted(Comparator.comparing(BenchSummary::modified)).toList()) {
                out.append(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void print() {
        System.out.println(table());
    }

    /**
     * The burst's row(s) and its regression check: called once, after {@code SubscriptionBurstBenchmark} wrote its
     * {@code result-<N>-<time>.json}.
     */
    static void burst(List<BenchFigures> rows, boolean authorization) {
        Optional<BenchFigures> cartflow = find(rows, "cartflow");
        Optional<BenchFigures> floor = find(rows, "jdbc");
        Optional<BenchFigures> defaults = find(rows, "defaults");
        if (cartflow.isPresent()) {
            BenchFigures c = cartflow.get();
            int n = c.subscriptions();
            double ratio = floor.map(f -> c.ordersPerSecond() / f.ordersPerSecond()).orElse(Double.NaN);
            boolean fast = n < 100_000 || c.wallSeconds() <= 300;
            boolean clean = rows.stream().allMatch(r -> r.duplicates() == 0 && r.missing() == 0);
            row(String.format(Locale.ROOT, "subscription burst, %,d due%s", n, authorization ? ", authorization on" : ""),
                    String.format(Locale.ROOT, "-Dbench.subscriptions=%d -Dbench.scenarios=%s%s", n,
                            String.join(",", rows.stream().map(BenchFigures::scenario).toList()),
                            authorization ? " -Dbench.authorization=true" : ""),
                    floor.map(f -> String.format(Locale.ROOT, "plain-JDBC floor %.0f orders/s (%.0f s)",
                            f.ordersPerSecond(), f.wallSeconds())).orElse("—")
                            + defaults.map(d -> String.format(Locale.ROOT, "; Camunda defaults %.0f", d.ordersPerSecond())).orElse(""),
                    String.format(Locale.ROOT, "%.0f orders/s (%.0f s), %d dup, %d lost", c.ordersPerSecond(),
                            c.wallSeconds(), c.duplicates(), c.missing()),
                    String.format(Locale.ROOT, "%.2f×", ratio)
                            + defaults.map(d -> String.format(Locale.ROOT, ", %.2f× defaults", c.ordersPerSecond() / d.ordersPerSecond())).orElse(""),
                    n >= 100_000 ? "≥ 0.5× floor, ≤ 300 s, 0 dup/lost" : "≥ 0.5× floor, 0 dup/lost",
                    ratio >= 0.5 && fast && clean);
        }
        print();
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("bench.out", "target/bench")))) {
            Optional<Path> newest = files.filter(f -> f.getFileName().toString().matches("result-\\d+-\\d+\\.json"))
                    .max(Comparator.comparing(BenchSummary::modified));
            if (newest.isPresent()) {
                BenchCompare.report(BenchCompare.baselineFor(newest.get(),
                        Path.of(System.getProperty("bench.baseline.dir", "docs/bench"))), newest.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String machine() {
        return String.format(Locale.ROOT, "%d cores, load %.1f", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static Optional<BenchFigures> find(List<BenchFigures> rows, String scenario) {
        return rows.stream().filter(r -> r.scenario().equals(scenario)).findFirst();
    }

    private static Path dir() {
        return Path.of(System.getProperty("bench.out", "target/bench"), "summary");
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
