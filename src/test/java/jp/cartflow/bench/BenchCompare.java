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
 * than 10 %. Figures named {@code …perS} are throughputs (higher is better); every other figure (ms, MB, s,
 * errors) is lower-is-better. The benchmarks call it at the end of their run; standalone, with no dependency:
 * <pre>java src/test/java/jp/cartflow/bench/BenchCompare.java docs/bench/load.json target/bench/load-*.json</pre>
 * It only reports; it never fails a build (the machine is shared, one run is no verdict).
 */
public final class BenchCompare {

    static final double TOLERANCE = 0.10;
    private static final Pattern FIGURE = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(-?[0-9][0-9.eE+-]*)");

    private BenchCompare() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BenchCompare <committed result.json> <new result.json>");
            System.exit(2);
        }
        report(Path.of(args[0]), Path.of(args[1]));
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
            boolean higherIsBetter = e.getKey().endsWith("perS");
            boolean regressed = higherIsBetter ? now < old * (1 - TOLERANCE)
                    : (old == 0 ? now > 0 : now > old * (1 + TOLERANCE));
            if (regressed) {
                worse++;
                out.append(String.format(Locale.ROOT, "  SLOWER %-28s %10.1f → %10.1f (%+.0f %%)%n", e.getKey(), old, now,
                        old == 0 ? 100.0 : (now - old) / old * 100));
            }
        }
        if (worse == 0) {
            out.append("  nothing got worse by more than 10 %\n");
        }
        System.out.print(out);
        return worse;
    }

    /** The numeric entries of the flat {@code "figures": {…}} object. */
    static Map<String, Double> figures(String json) {
        int start = json.indexOf("\"figures\"");
        if (start < 0) {
            throw new IllegalArgumentException("no \"figures\" object in the result");
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
