package jp.cartflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regression check (docs/performance.md, "Regression check"): compares the {@code figures} of a benchmark's
 * result JSON with the last committed one under {@code docs/bench/} and prints every figure that got worse by more
 * than 10 %. Figures named {@code …perS} or {@code …PerSecond} are throughputs (higher is better); every other
 * figure (ms, MB, s, bytes, errors) is lower-is-better. The benchmarks call it at the end of their run;
 * standalone, with no dependency (the committed result is found from the new one's name, or given first):
 * <pre>java src/test/java/jp/cartflow/bench/BenchCompare.java target/bench/load-*.json
 * java src/test/java/jp/cartflow/bench/BenchCompare.java target/bench/result-10000-*.json</pre>
 * It only reports; it never fails a build (the machine is shared, one run is no verdict).
 */
public final class BenchCompare {

    static final double TOLERANCE = 0.10;
    private static final Pattern FIGURE = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(-?[0-9][0-9.eE+-]*)");
    private static final Pattern SCENARIO = Pattern.compile("\"scenario\"\\s*:\\s*\"([^\"]+)\"");
    private static final java.util.Set<String> NO_FIGURE = java.util.Set.of("subscriptions", "orders", "nextTimersArmed");

    private BenchCompare() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1) {
            Path current = Path.of(args[0]);
            report(baselineFor(current, Path.of(System.getProperty("bench.baseline.dir", "docs/bench"))), current);
        } else if (args.length == 2) {
            report(Path.of(args[0]), Path.of(args[1]));
        } else {
            System.err.println("usage: BenchCompare [<committed result.json>] <new result.json>");
            System.exit(2);
        }
    }

    /**
     * The committed result a new one is compared with: {@code <name>-<time>.json} → {@code <dir>/<name>.json};
     * the burst's {@code result-<N>-<time>.json} → {@code <dir>/burst-<N>.json} ({@code burst-<N>-auth.json} for the
     * pass with authorization at generation).
     */
    static Path baselineFor(Path current, Path dir) throws IOException {
        String file = current.getFileName().toString();
        Matcher burst = Pattern.compile("result-(\\d+)-\\d+\\.json").matcher(file);
        if (burst.matches()) {
            boolean auth = Files.readString(current).matches("(?s).*\"authorizationAtGeneration\"\\s*:\\s*true.*");
            return dir.resolve("burst-" + burst.group(1) + (auth ? "-auth" : "") + ".json");
        }
        return dir.resolve(file.replaceFirst("-\\d+\\.json$", ".json"));
    }

    /** Prints the comparison; returns how many figures got worse by more than the tolerance. */
    static int report(Path committed, Path current) throws IOException {
        if (!Files.exists(committed)) {
            System.out.println("[bench] regression check: no committed result at " + committed
                    + " (copy " + current.getFileName() + " there to make it the baseline)");
            return 0;
        }
        Map<String, Double> before = figures(Files.readString(committed));
        Map<String, Double> after = figures(Files.readString(current));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "[bench] regression check against %s (worse by more than %.0f %%):%n", committed, TOLERANCE * 100));
        int worse = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            Double old = before.get(e.getKey());
            if (old == null) {
                continue;
            }
            double now = e.getValue();
            boolean higherIsBetter = higherIsBetter(e.getKey());
            boolean regressed = higherIsBetter ? now < old * (1 - TOLERANCE)
                    : (old == 0 ? now > 0 : now > old * (1 + TOLERANCE));
            if (regressed) {
                worse++;
                out.append(String.format(Locale.ROOT, "  SLOWER %-32s %10.1f → %10.1f (%+.0f %%)%n", e.getKey(), old, now,
                        old == 0 ? 100.0 : (now - old) / old * 100));
            }
        }
        if (worse == 0) {
            out.append("  nothing got worse by more than 10 %\n");
        }
        System.out.print(out);
        return worse;
    }

    /**
     * The numeric entries of the flat {@code "figures": {…}} object; for the burst's result (no {@code figures},
     * an array {@code "rows"} of one flat object per scenario) every numeric field as {@code <scenario>.<field>},
     * without the counts that are no figure (subscriptions, orders, timers armed).
     */
    static Map<String, Double> figures(String json) {
        int start = json.indexOf("\"figures\"");
        if (start < 0) {
            return rowFigures(json);
        }
        int open = json.indexOf('{', start);
        int close = json.indexOf('}', open);
        Map<String, Double> figures = new LinkedHashMap<>();
        Matcher m = FIGURE.matcher(json.substring(open + 1, close));
        while (m.find()) {
            figures.put(m.group(1), Double.valueOf(m.group(2)));
        }
        return figures;
    }

    private static Map<String, Double> rowFigures(String json) {
        int rows = json.indexOf("\"rows\"");
        if (rows < 0) {
            throw new IllegalArgumentException("neither \"figures\" nor \"rows\" in the result");
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        int end = json.indexOf(']', rows);
        for (int open = json.indexOf('{', rows); open >= 0 && open < end; open = json.indexOf('{', open + 1)) {
            String row = json.substring(open + 1, json.indexOf('}', open));
            Matcher scenario = SCENARIO.matcher(row);
            if (!scenario.find()) {
                continue;
            }
            Matcher m = FIGURE.matcher(row);
            while (m.find()) {
                if (!NO_FIGURE.contains(m.group(1))) {
                    figures.put(scenario.group(1) + "." + m.group(1), Double.valueOf(m.group(2)));
                }
            }
        }
        return figures;
    }

    /** Throughputs: {@code …perS} (our results) and {@code …PerSecond} (the burst's rows). */
    static boolean higherIsBetter(String figure) {
        return figure.endsWith("perS") || figure.endsWith("PerSecond");
    }

    /**
     * Writes {@code <bench.out>/<name>-<time>.json} (the figures) and {@code <name>.md} (the printed table), then
     * compares the figures with {@code <bench.baseline.dir>/<name>.json}, the last committed result.
     */
    static void writeAndCompare(String name, Map<String, Object> figures, CharSequence table) throws IOException {
        Path dir = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(dir);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", name);
        result.put("at", java.time.LocalDateTime.now().toString());
        result.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", load average " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        result.put("figures", figures);
        Path json = dir.resolve(name + "-" + System.currentTimeMillis() + ".json");
        Files.writeString(json, toJson(result));
        Files.writeString(dir.resolve(name + ".md"), table);
        System.out.println("[bench] result written to " + json);
        report(Path.of(System.getProperty("bench.baseline.dir", "docs/bench"), name + ".json"), json);
    }

    /** A result map (strings, numbers, one level of nested maps) as JSON, so the check needs no library. */
    static String toJson(Map<String, Object> result) {
        StringBuilder out = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> e : result.entrySet()) {
            out.append("  ").append(quote(e.getKey())).append(": ");
            if (e.getValue() instanceof Map<?, ?> nested) {
                out.append("{\n");
                int j = 0;
                for (Map.Entry<?, ?> n : nested.entrySet()) {
                    out.append("    ").append(quote(String.valueOf(n.getKey()))).append(": ").append(value(n.getValue()))
                            .append(++j < nested.size() ? ",\n" : "\n");
                }
                out.append("  }");
            } else {
                out.append(value(e.getValue()));
            }
            out.append(++i < result.size() ? ",\n" : "\n");
        }
        return out.append("}\n").toString();
    }

    private static String value(Object value) {
        return value instanceof Number ? String.valueOf(value) : quote(String.valueOf(value));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
