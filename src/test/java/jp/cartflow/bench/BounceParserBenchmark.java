package jp.cartflow.bench;

import jp.cartflow.mail.bounce.parse.BounceParser;
import jp.cartflow.mail.bounce.parse.FailedRecipient;
import jp.cartflow.mail.bounce.parse.ParsedMail;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.SharedByteArrayInputStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounce parser against a folder of real bounce mails and a reference parser's answers (docs/performance.md).
 * Not a test: run with {@code mvn -Pbench verify -Dbench.bounces=<corpus folder>}. The folder holds
 * {@code bounces/*.eml}, {@code not-bounces/*.eml} and {@code expected.tsv} (file, recipient, status, reason, kind).
 * Prints detection, recipient and hard/soft agreement, and files/s on one thread; writes every disagreement to
 * target/bench/bounce-disagreements.tsv for reading.
 */
class BounceParserBenchmark {

    private record Expected(String recipient, String kind, String reason) {
    }

    @Test
    void corpus() throws IOException {
        String folder = System.getProperty("bench.bounces", "");
        if (folder.isBlank()) {
            System.out.println("bench.bounces not set: bounce parser benchmark skipped");
            return;
        }
        Path root = Path.of(folder).toAbsolutePath().normalize();
        Map<String, List<Expected>> expected = readExpected(root.resolve("expected.tsv"));
        Map<String, byte[]> bounces = readAll(root.resolve("bounces"));
        Map<String, byte[]> notBounces = readAll(root.resolve("not-bounces"));
        BounceParser parser = new BounceParser();

        int referenceDetected = 0;
        int detected = 0;
        int pairs = 0;
        int matched = 0;
        int kindAgrees = 0;
        int extraRecipients = 0;
        int quarantined = 0;
        int weFindReferenceMissed = 0;
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : bounces.entrySet()) {
            ParsedMail result = parser.parse(file.getValue());
            if (result.kind() == ParsedMail.Kind.QUARANTINE) {
                quarantined++;
            }
            List<Expected> answers = expected.getOrDefault(file.getKey(), List.of());
            boolean referenceNone = answers.isEmpty() || answers.stream().allMatch(e -> "none".equals(e.kind()));
            if (referenceNone) {
                if (result.kind() == ParsedMail.Kind.BOUNCE) {
                    weFindReferenceMissed++;
                    disagreements.add(row(file.getKey(), "reference none", describe(result)));
                }
                continue;
            }
            referenceDetected++;
            boolean notFailure = answers.stream().allMatch(e -> "n/a".equals(e.kind()));
            boolean ok = notFailure
                    ? result.kind() == ParsedMail.Kind.COMPLAINT || result.kind() == ParsedMail.Kind.AUTO_REPLY
                    : result.kind() == ParsedMail.Kind.BOUNCE;
            if (ok) {
                detected++;
            } else {
                disagreements.add(row(file.getKey(), "not detected; reference " + answers, describe(result)));
            }
            if (notFailure) {
                continue;
            }
            for (Expected answer : answers) {
                pairs++;
                FailedRecipient ours = result.recipients().stream()
                        .filter(r -> r.address().equals(answer.recipient())).findFirst().orElse(null);
                if (ours == null) {
                    if (ok) {
                        disagreements.add(row(file.getKey(), "recipient " + answer, describe(result)));
                    }
                    continue;
                }
                matched++;
                if ((ours.hard() ? "hard" : "soft").equals(answer.kind())) {
                    kindAgrees++;
                } else {
                    disagreements.add(row(file.getKey(), "kind " + answer, describe(result)));
                }
            }
            extraRecipients += (int) result.recipients().stream()
                    .filter(r -> answers.stream().noneMatch(a -> a.recipient().equals(r.address()))).count();
        }
        int nonBouncesFlagged = 0;
        int nonBouncesSoft = 0;
        for (Map.Entry<String, byte[]> file : notBounces.entrySet()) {
            ParsedMail result = parser.parse(file.getValue());
            if (result.kind() == ParsedMail.Kind.BOUNCE) {
                // a hard bounce flags at once; a single soft one does not (BNC-4)
                if (result.recipients().stream().anyMatch(FailedRecipient::hard)) {
                    nonBouncesFlagged++;
                } else {
                    nonBouncesSoft++;
                }
                disagreements.add(row(file.getKey(), "non-bounce read as bounce", describe(result)));
            }
        }

        // speed: one thread, every file, after a warm-up. CPU time of this thread as well as wall time, because the
        // machine is shared; the baseline in the same run only reads the MIME tree (headers, every part's bytes).
        List<byte[]> all = new ArrayList<>(bounces.values());
        all.addAll(notBounces.values());
        Speed parse = measure(all, parser::parse);
        Session session = Session.getInstance(new Properties());
        Speed mimeOnly = measure(all, raw -> readMime(session, raw));
        System.out.printf(Locale.ROOT, "%nBounce parser on %s (%d bounce files, %d non-bounces)%n", root,
                bounces.size(), notBounces.size());
        System.out.printf(Locale.ROOT, "  detected / reference detected : %d / %d = %.1f %%%n", detected, referenceDetected,
                100.0 * detected / referenceDetected);
        System.out.printf(Locale.ROOT, "  recipient agreement           : %d / %d = %.1f %% (extra recipients: %d)%n",
                matched, pairs, 100.0 * matched / pairs, extraRecipients);
        System.out.printf(Locale.ROOT, "  hard/soft agreement           : %d / %d = %.1f %%%n", kindAgrees, matched,
                100.0 * kindAgrees / matched);
        System.out.printf(Locale.ROOT, "  non-bounces flagged at once   : %d / %d (read as one soft bounce, flags nobody alone: %d)%n",
                nonBouncesFlagged, notBounces.size(), nonBouncesSoft);
        System.out.printf(Locale.ROOT, "  quarantined                   : %d; bounces where the reference found none: %d%n",
                quarantined, weFindReferenceMissed);
        System.out.printf(Locale.ROOT, "  speed, one thread             : %,.0f files/s per CPU second (%,.0f per wall second, %,d parses)%n",
                parse.perCpuSecond(), parse.perWallSecond(), parse.files());
        System.out.printf(Locale.ROOT, "  baseline, MIME read only      : %,.0f files/s per CPU second (parser = %.2f x baseline time)%n",
                mimeOnly.perCpuSecond(), mimeOnly.perCpuSecond() / parse.perCpuSecond());
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(out);
        Files.write(out.resolve("bounce-disagreements.tsv"), disagreements, StandardCharsets.UTF_8);
        System.out.println("  disagreements written to " + out.resolve("bounce-disagreements.tsv"));
        double recipients = 100.0 * matched / pairs;
        double detectedPercent = 100.0 * detected / referenceDetected;
        double kinds = 100.0 * kindAgrees / matched;
        BenchSummary.row(String.format(Locale.ROOT, "bounce parser, %d real mails", bounces.size() + notBounces.size()),
                "-Dbench.bounces=<corpus-dir>",
                String.format(Locale.ROOT, "MIME read only %,.0f files/CPU s; reference parser's answers", mimeOnly.perCpuSecond()),
                String.format(Locale.ROOT, "%,.0f files/CPU s; recipients %.1f %%, detected %.1f %%, hard/soft %.1f %%",
                        parse.perCpuSecond(), recipients, detectedPercent, kinds),
                String.format(Locale.ROOT, "%.2f×", parse.perCpuSecond() / mimeOnly.perCpuSecond()),
                "≥ 2,000 files/CPU s; ≥ 95 % / 95 % / 90 %",
                parse.perCpuSecond() >= 2000 && recipients >= 95 && detectedPercent >= 95 && kinds >= 90);
        BenchSummary.print();
        assertThat(referenceDetected).isPositive();
    }

    private record Speed(long files, double perCpuSecond, double perWallSecond) {
    }

    private static Speed measure(List<byte[]> all, java.util.function.Consumer<byte[]> work) {
        for (int i = 0; i < 20; i++) {
            all.forEach(work);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long files = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        long elapsed;
        do {
            all.forEach(work);
            files += all.size();
            elapsed = System.nanoTime() - started;
        } while (elapsed < 3_000_000_000L);
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        return new Speed(files, files / (cpu / 1e9), files / (elapsed / 1e9));
    }

    private static void readMime(Session session, byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(session, new SharedByteArrayInputStream(raw));
            readPart(message);
        } catch (Exception e) {
            // broken mail costs what it costs
        }
    }

    private static void readPart(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            MimeMultipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
            for (int i = 0; i < multipart.getCount(); i++) {
                readPart(multipart.getBodyPart(i));
            }
        } else {
            try (java.io.InputStream in = part.getInputStream()) {
                in.readAllBytes();
            }
        }
    }

    private static String row(String file, String what, String ours) {
        return file + "\t" + what + "\t" + ours;
    }

    private static String describe(ParsedMail result) {
        StringBuilder s = new StringBuilder(result.kind().name());
        if (result.quarantine() != null) {
            s.append(" (").append(result.quarantine()).append(')');
        }
        for (FailedRecipient r : result.recipients()) {
            s.append(" | ").append(r.address()).append(' ').append(r.status()).append(' ').append(r.reason())
                    .append(r.hard() ? " hard" : " soft").append(" «")
                    .append(r.diagnostic() == null ? "" : r.diagnostic().substring(0, Math.min(140, r.diagnostic().length())))
                    .append('»');
        }
        return s.toString();
    }

    private static Map<String, List<Expected>> readExpected(Path tsv) throws IOException {
        Map<String, List<Expected>> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length < 5 || f[0].equals("file")) {
                continue;
            }
            expected.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new Expected(f[1].toLowerCase(Locale.ROOT), f[4], f[3]));
        }
        return expected;
    }

    private static Map<String, byte[]> readAll(Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
