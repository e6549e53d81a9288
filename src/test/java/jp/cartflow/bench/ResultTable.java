package jp.cartflow.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Prints the figures side by side with the ratios the issue asks for. */
final class ResultTable {

    private ResultTable() {
    }

    static String render(List<BenchFigures> rows) {
        StringBuilder out = new StringBuilder("\n");
        String format = "%-10s %8s %9s %9s %8s %8s %7s %8s %7s %6s %9s %6s %6s%n";
        out.append(String.format(Locale.ROOT, format, "scenario", "subs", "wall s", "orders/s", "p50 ms", "p99 ms",
                "OLE", "backlog", "heap MB", "RSS MB", "DB B/sub", "dup", "lost"));
        for (BenchFigures r : rows) {
            out.append(String.format(Locale.ROOT, format, r.scenario(), r.subscriptions(),
                    String.format(Locale.ROOT, "%.1f", r.wallSeconds()),
                    String.format(Locale.ROOT, "%.0f", r.ordersPerSecond()), r.lagP50Ms(), r.lagP99Ms(),
                    r.lockFailures(), r.peakBacklog(), r.heapUsedMb(), r.rssMb(), r.dbBytesPerSub(),
                    r.duplicates(), r.missing()));
        }
        Optional<BenchFigures> cartflow = find(rows, "cartflow");
        Optional<BenchFigures> jdbc = find(rows, "jdbc");
        Optional<BenchFigures> defaults = find(rows, "defaults");
        if (cartflow.isPresent() && jdbc.isPresent()) {
            out.append(String.format(Locale.ROOT, "cartflow / JDBC floor throughput: %.2f×  (target ≥ 0.5×)%n",
                    cartflow.get().ordersPerSecond() / jdbc.get().ordersPerSecond()));
        }
        if (cartflow.isPresent() && defaults.isPresent()) {
            out.append(String.format(Locale.ROOT, "cartflow / Camunda defaults throughput: %.2f×  (target ≥ 5×)%n",
                    cartflow.get().ordersPerSecond() / defaults.get().ordersPerSecond()));
        }
        for (BenchFigures r : rows) {
            out.append(String.format(Locale.ROOT, "%-10s %s — %s%n", r.scenario(),
                    r.duplicates() == 0 && r.missing() == 0 ? "OK: no duplicate order, no lost subscription"
                            : "FAILED: " + r.duplicates() + " duplicates, " + r.missing() + " lost", r.description()));
        }
        return out.toString();
    }

    private static Optional<BenchFigures> find(List<BenchFigures> rows, String scenario) {
        return rows.stream().filter(r -> r.scenario().equals(scenario)).findFirst();
    }
}
