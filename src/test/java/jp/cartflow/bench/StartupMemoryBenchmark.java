package jp.cartflow.bench;

import jp.cartflow.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time and resident memory of the packaged application (docs/performance.md, "Start-up and memory").
 * Not a test: run with {@code mvn -Pbench verify -Dit.test=StartupMemoryBenchmark} (the jar is packaged before).
 * <p>
 * For the demo profile (H2 in memory) and the postgres profile (a fresh database on the embedded PostgreSQL
 * server this JVM starts; the {@code CARTFLOW_*} variables point the child at it), and for each set of JVM settings:
 * {@code java -jar} as a child process, the time until {@code GET /actuator/health} answers UP, then
 * {@code bench.idleSeconds} (20) of rest and the child's VmRSS from {@code /proc/<pid>/status}.
 * Settings: {@code defaults} (no JVM option), {@code proposed} (the production options of docs/operations.md),
 * {@code proposed+cds} (the same, plus a class-data archive written by a training run that stops after the context
 * refresh, {@code -Dspring.context.exit=onRefresh}, on the extracted jar).
 */
class StartupMemoryBenchmark {

    static final String PROPOSED = "-Xmx256m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m";
    private final long idleSeconds = Long.getLong("bench.idleSeconds", 20);
    private final List<String> variants = Arrays.stream(System.getProperty("bench.startupVariants",
            "defaults,proposed,proposed+cds").split(",")).map(String::strip).toList();
    private final List<String> profiles = Arrays.stream(System.getProperty("bench.startupProfiles", "demo,postgres")
            .split(",")).map(String::strip).toList();
    private final File out = new File(System.getProperty("bench.out", "target/bench"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    record Run(String profile, String variant, double healthySeconds, long idleRssMb, String jvmOptions) {
    }

    @Test
    void run() throws Exception {
        out.mkdirs();
        File jar = packagedJar();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Run> runs = new ArrayList<>();
        for (String profile : profiles) {
            for (String variant : variants) {
                List<String> options = new ArrayList<>(variant.startsWith("proposed") ? List.of(PROPOSED.split(" ")) : List.of());
                File runJar = jar;
                if (variant.endsWith("+cds")) {
                    runJar = extracted(java, jar);
                    File archive = new File(out, "cartflow-" + profile + ".jsa");
                    List<String> training = new ArrayList<>(options);
                    training.add("-XX:ArchiveClassesAtExit=" + archive.getAbsolutePath());
                    training.add("-Dspring.context.exit=onRefresh");
                    Process p = start(java, training, runJar, profile, "cds-training");
                    if (!p.waitFor(5, TimeUnit.MINUTES) || !archive.exists()) {
                        p.destroyForcibly();
                        throw new IllegalStateException("CDS training run wrote no archive; see target/bench/startup-"
                                + profile + "-cds-training.log");
                    }
                    options.add("-XX:SharedArchiveFile=" + archive.getAbsolutePath());
                }
                runs.add(measure(java, options, runJar, profile, variant));
            }
        }
        report(runs);
    }

    private Run measure(String java, List<String> options, File jar, String profile, String variant) throws Exception {
        int port = TestDatabases.freePort();
        long t0 = System.nanoTime();
        Process child = start(java, options, jar, profile, variant, "--server.port=" + port);
        try {
            double healthy = waitUntilHealthy(child, port, t0);
            log("%s %s: healthy after %.1f s; resting %d s", profile, variant, healthy, idleSeconds);
            Thread.sleep(idleSeconds * 1000);
            long rss = rssMb(child.pid());
            log("%s %s: idle RSS %d MB", profile, variant, rss);
            return new Run(profile, variant, healthy, rss, String.join(" ", options));
        } finally {
            child.destroy();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private Process start(String java, List<String> options, File jar, String profile, String name, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-jar");
        command.add(jar.getAbsolutePath());
        command.add("--spring.profiles.active=" + profile);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File(out, "startup-" + profile + "-" + name.replace('+', '-') + ".log"));
        if (profile.equals("demo")) {
            command.add("--cartflow.demo.mail.smtp-port=" + TestDatabases.freePort());
            command.add("--cartflow.demo.mail.pop3-port=" + TestDatabases.freePort());
        } else {
            TestDatabases.Database db = TestDatabases.createPostgres();
            Map<String, String> env = builder.environment();
            env.put("CARTFLOW_DB_URL", db.url());
            env.put("CARTFLOW_DB_USER", db.user());
            // the embedded server trusts local connections, but the profile requires a non-empty password
            env.put("CARTFLOW_DB_PASSWORD", db.password().isEmpty() ? "unused" : db.password());
            env.put("CARTFLOW_ADMIN_PASSWORD", "bench-admin-password");
            env.put("CARTFLOW_SMTP_HOST", "localhost");
        }
        builder.command(command);
        return builder.start();
    }

    private double waitUntilHealthy(Process child, int port, long t0) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            if (!child.isAlive()) {
                throw new IllegalStateException("the application exited with " + child.exitValue() + " before it was healthy");
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(5)) {
                throw new IllegalStateException("not healthy after 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    /** The jar extracted for CDS (class data sharing needs plain jars on the class path, not nested ones). */
    private File extracted(String java, File jar) throws Exception {
        File dir = new File(out, "extracted");
        File extractedJar = new File(dir, jar.getName());
        if (!extractedJar.exists()) {
            Process p = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.getAbsolutePath(), "extract", "--force",
                    "--destination", dir.getAbsolutePath()).inheritIO().start();
            if (p.waitFor() != 0 || !extractedJar.exists()) {
                throw new IllegalStateException("cannot extract " + jar);
            }
        }
        return extractedJar;
    }

    private static File packagedJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("cartflow-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("plain")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/cartflow-*.jar: run through mvn -Pbench verify"))
                    .toFile();
        }
    }

    static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private void report(List<Run> runs) throws Exception {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """

                start-up and idle memory of java -jar (%d cores, load average %.1f at the end; idle = %d s after healthy)
                | profile  | JVM settings  | java -jar → healthy s | idle RSS MB | target ≤ 400 MB |
                |----------|---------------|----------------------:|------------:|-----------------|
                """, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), idleSeconds));
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Run r : runs) {
            table.append(String.format(Locale.ROOT, "| %-8s | %-13s | %21.1f | %11d | %-15s |%n", r.profile(), r.variant(),
                    r.healthySeconds(), r.idleRssMb(), r.idleRssMb() <= 400 ? "met" : "NOT met"));
            String key = r.profile() + "." + r.variant() + ".";
            figures.put(key + "healthyS", Math.round(r.healthySeconds() * 10) / 10.0);
            figures.put(key + "idleRssMb", r.idleRssMb());
        }
        table.append("proposed = ").append(PROPOSED).append('\n');
        System.out.println(table);
        BenchCompare.writeAndCompare("startup", figures, table);
        for (String profile : runs.stream().map(Run::profile).distinct().toList()) {
            Optional<Run> defaults = find(runs, profile, "defaults");
            Optional<Run> proposed = find(runs, profile, "proposed");
            Optional<Run> cds = find(runs, profile, "proposed+cds");
            if (proposed.isEmpty()) {
                continue;
            }
            Run p = proposed.get();
            BenchSummary.row("start-up + idle RSS, " + profile + " profile", "-Dit.test=StartupMemoryBenchmark",
                    defaults.map(d -> String.format(Locale.ROOT, "JVM defaults %.1f s, %d MB", d.healthySeconds(), d.idleRssMb()))
                            .orElse("—"),
                    String.format(Locale.ROOT, "proposed %.1f s, %d MB", p.healthySeconds(), p.idleRssMb())
                            + cds.map(c -> String.format(Locale.ROOT, "; + CDS %.1f s, %d MB", c.healthySeconds(), c.idleRssMb()))
                            .orElse(""),
                    defaults.map(d -> String.format(Locale.ROOT, "%.2f× RSS", p.idleRssMb() / (double) d.idleRssMb())).orElse("—"),
                    "≤ 400 MB idle", p.idleRssMb() <= 400);
        }
        BenchSummary.print();
    }

    private static Optional<Run> find(List<Run> runs, String profile, String variant) {
        return runs.stream().filter(r -> r.profile().equals(profile) && r.variant().equals(variant)).findFirst();
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }
}
