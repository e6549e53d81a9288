package jp.cartflow.newsletter;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jp.cartflow.CartflowApplication;
import jp.cartflow.bench.BenchSummary;
import jp.cartflow.mail.outbox.MailKind;
import jp.cartflow.mail.outbox.MailOutbox;
import jp.cartflow.mail.Sender;
import jp.cartflow.mail.outbox.NewMail;
import jp.cartflow.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Newsletter throughput and memory (docs/performance.md, "Newsletters"). Not a test: run with
 * {@code mvn -Pbench verify -Dit.test=NewsletterBenchmark}. In one run against the application's own in-process
 * GreenMail SMTP server and a fresh PostgreSQL:
 * <ol>
 *   <li><b>raw</b>: a plain jakarta.mail loop, one connection, the same mails (the ceiling);</li>
 *   <li><b>outbox</b>: the same mails queued in the outbox (one JDBC batch per 500) and sent by
 *       {@link MailOutbox#sendAll} over one SMTP connection, every mail recorded SENT;</li>
 *   <li><b>campaign</b>: a {@code bench.recipients} (50,000) member campaign through {@link NewsletterSender}, batch by
 *       batch as the process runs it, heap after GC sampled along the way.</li>
 * </ol>
 */
class NewsletterBenchmark {

    private final int mails = Integer.getInteger("bench.mails", 5000);
    private final int recipients = Integer.getInteger("bench.recipients", 50_000);
    private static final int CHUNK = 500;
    /** true: the raw loop uses the same connect/read/write timeouts as cartflow's SMTP session. */
    private final boolean sameTimeouts = Boolean.parseBoolean(System.getProperty("bench.rawSameTimeouts", "true"));

    @Test
    void run() throws Exception {
        TestDatabases.Database db = TestDatabases.createPostgres();
        int smtpPort = TestDatabases.freePort();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", db.url());
        properties.put("spring.datasource.username", db.user());
        properties.put("spring.datasource.password", db.password());
        properties.put("server.port", 0);
        properties.put("camunda.bpm.process-engine-name", "benchnewsletter");
        properties.put("camunda.bpm.job-execution.enabled", false);
        properties.put("cartflow.demo.mail.smtp-port", smtpPort);
        properties.put("cartflow.demo.mail.pop3-port", TestDatabases.freePort());
        properties.put("cartflow.mail.dispatcher.enabled", false);
        properties.put("cartflow.newsletter.unsubscribe-secret", "bench-secret-bench-secret-bench-secret-0");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CartflowApplication.class)
                .profiles("demo", "bench").web(WebApplicationType.SERVLET).run(args)) {
            GreenMail greenMail = app.getBean(GreenMail.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            MailOutbox outbox = app.getBean(MailOutbox.class);
            TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            long shopId = jdbc.sql("SELECT id FROM shop WHERE code = 'demo'").query(Long.class).single();

            int warmup = Integer.getInteger("bench.warmupMails", 3000);
            log("warm-up: %d mails raw and through the outbox (twice, not reported)", warmup);
            for (int i = 0; i < 2; i++) {
                raw(smtpPort, warmup);
                viaOutbox(outbox, tx, shopId, warmup);
                greenMail.purgeEmailFromAllMailboxes();
            }

            int rounds = Integer.getInteger("bench.rounds", 3);
            double[] rawRates = new double[rounds];
            double[] outboxRates = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                rawRates[round] = raw(smtpPort, mails);
                greenMail.purgeEmailFromAllMailboxes();
                outboxRates[round] = viaOutbox(outbox, tx, shopId, mails);
                greenMail.purgeEmailFromAllMailboxes();
                log("round %d: raw %.0f mails/s, outbox %.0f mails/s", round + 1, rawRates[round], outboxRates[round]);
            }
            double rawBest = java.util.Arrays.stream(rawRates).max().orElseThrow();
            double outboxBest = java.util.Arrays.stream(outboxRates).max().orElseThrow();
            // raw and outbox alternate, so a round's two figures saw about the same machine load: the median of the
            // per-round ratios is less at the mercy of one lucky raw round than best / best
            double[] roundRatios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                roundRatios[round] = outboxRates[round] / rawRates[round];
            }
            double medianRatio = java.util.Arrays.stream(roundRatios).sorted().toArray()[rounds / 2];

            int dispatchMails = Integer.getInteger("bench.dispatchMails", 2000);
            double dispatchRate = dispatchMails > 0 ? viaDispatcher(outbox, greenMail, shopId, dispatchMails) : 0;

            Map<String, Object> campaign = recipients > 0 ? campaign(app, jdbc, greenMail, shopId) : Map.of();

            String table = String.format(Locale.ROOT, """

                    | scenario | mails | mails/s (best round) | ratio to raw (best / best) |
                    |---|---:|---:|---:|
                    | raw jakarta.mail loop, one connection%s | %d | %.0f | 1.00 |
                    | outbox queueAll + sendAll, one connection, recorded | %d | %.0f | %.2f |
                    | dispatcher (notices queued one by one, dispatchDue until none is due) | %d | %.0f | %.2f |
                    | campaign of %d members (NewsletterSender, batches of 500) | %s | %s | — |

                    rounds raw: %s; outbox: %s; outbox/raw per round: %s (median %.2f)
                    campaign: %s s, batches %s, heap after GC (MB) first/min/max/last: %s; RSS %d MB; %d cores, load %.1f
                    """, sameTimeouts ? ", same timeouts" : ", no timeouts", mails, rawBest, mails, outboxBest, outboxBest / rawBest, dispatchMails, dispatchRate, dispatchRate / rawBest, recipients, campaign.get("sent"),
                    campaign.get("rate"), java.util.Arrays.toString(java.util.Arrays.stream(rawRates).mapToLong(Math::round).toArray()),
                    java.util.Arrays.toString(java.util.Arrays.stream(outboxRates).mapToLong(Math::round).toArray()),
                    String.join(", ", java.util.Arrays.stream(roundRatios).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r)).toList()),
                    medianRatio,
                    campaign.get("seconds"), campaign.get("batches"), campaign.get("heap"),
                    rssMb(), Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println(table);
            BenchSummary.row(String.format(Locale.ROOT, "newsletter outbox → SMTP, %,d mails", mails),
                    "-Dit.test=NewsletterBenchmark" + (recipients > 0 ? "" : " -Dbench.recipients=0"),
                    String.format(Locale.ROOT, "raw jakarta.mail loop %,.0f mails/s (rounds %s)", rawBest, rounded(rawRates)),
                    String.format(Locale.ROOT, "%,.0f mails/s (rounds %s)", outboxBest, rounded(outboxRates)),
                    String.format(Locale.ROOT, "%.2f× best/best, %.2f× median per round", outboxBest / rawBest, medianRatio),
                    "≥ 500 mails/s, ≥ 0.7× raw",
                    outboxBest >= 500 && outboxBest / rawBest >= 0.7);
            if (dispatchMails > 0) {
                BenchSummary.row(String.format(Locale.ROOT, "mail dispatcher (notices, forwards), %,d mails", dispatchMails),
                        "-Dit.test=NewsletterBenchmark -Dbench.dispatchMails=" + dispatchMails,
                        String.format(Locale.ROOT, "raw jakarta.mail loop %,.0f mails/s (best round)", rawBest),
                        String.format(Locale.ROOT, "%,.0f mails/s", dispatchRate),
                        String.format(Locale.ROOT, "%.2f×", dispatchRate / rawBest), "— (no target of its own)", "—");
            }
            if (recipients > 0) {
                long[] heap = (long[]) campaign.get("heapMb");
                BenchSummary.row(String.format(Locale.ROOT, "newsletter campaign, %,d members", recipients),
                        "-Dit.test=NewsletterBenchmark -Dbench.recipients=" + recipients,
                        String.format(Locale.ROOT, "heap after GC before the campaign %d MB", heap[0]),
                        String.format(Locale.ROOT, "%s mails/s end to end (%s s), heap after GC %d–%d MB", campaign.get("rate"),
                                campaign.get("seconds"), heap[1], heap[2]),
                        "—", "flat heap (max ≤ first + 10 MB)", heap[2] <= heap[0] + 10);
            }
            BenchSummary.print();
            File dir = new File(System.getProperty("bench.out", "target/bench"));
            dir.mkdirs();
            Files.writeString(new File(dir, "newsletter-" + Instant.now().getEpochSecond() + ".md").toPath(), table);
        }
    }

    /** The ceiling: jakarta.mail straight to the server, one connection, no database. */
    private double raw(int port, int count) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", String.valueOf(port));
        if (sameTimeouts) {
            // the production session's timeouts (cartflow.mail.smtp.*): the write timeout is what costs
            props.setProperty("mail.smtp.connectiontimeout", "10000");
            props.setProperty("mail.smtp.timeout", "30000");
            props.setProperty("mail.smtp.writetimeout", "30000");
        }
        Session session = Session.getInstance(props);
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("news@demo.cartflow.test", "カートフロー商店", "UTF-8"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(address(i)));
                message.setHeader("Subject", MimeUtility.encodeText(subject(i), "UTF-8", "B"));
                message.setHeader("List-Unsubscribe", "<http://localhost/newsletter/unsubscribe?t=" + i + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                message.setText(body(i), "UTF-8");
                message.setHeader("Content-Transfer-Encoding", "base64");
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        return count / seconds(start);
    }

    private long queueNanos;

    private double viaOutbox(MailOutbox outbox, TransactionTemplate tx, long shopId, int count) {
        queueNanos = 0;
        long start = System.nanoTime();
        for (int from = 0; from < count; from += CHUNK) {
            List<NewMail> batch = new ArrayList<>(CHUNK);
            for (int i = from; i < Math.min(count, from + CHUNK); i++) {
                batch.add(new NewMail(shopId, MailKind.NEWSLETTER, null, null, null,
                        new Sender("news@demo.cartflow.test", "カートフロー商店", "bounce@demo.cartflow.test"), List.of(address(i)), List.of(), subject(i), body(i), "UTF-8", true,
                        Map.of("List-Unsubscribe", "<http://localhost/newsletter/unsubscribe?t=" + i + ">",
                                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
            }
            long q = System.nanoTime();
            List<Long> ids = tx.execute(status -> outbox.queueAll(shopId, batch));
            queueNanos += System.nanoTime() - q;
            List<MailOutbox.BatchOutcome> outcomes = outbox.sendAll(ids);
            if (outcomes.stream().anyMatch(o -> !o.sent())) {
                throw new IllegalStateException("a mail was not sent: " + outcomes.stream().filter(o -> !o.sent()).findFirst());
            }
        }
        log("outbox: %.0f%% of the time in queueAll", 100.0 * queueNanos / (System.nanoTime() - start));
        return count / seconds(start);
    }

    /** The dispatcher's path (notices, forwards): mails queued one by one, sent by {@link MailOutbox#dispatchDue}. */
    private double viaDispatcher(MailOutbox outbox, GreenMail greenMail, long shopId, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            outbox.queue(new NewMail(shopId, MailKind.NOTICE, null, null, null,
                    new Sender("shop@demo.cartflow.test", "カートフロー商店", "bounce@demo.cartflow.test"), List.of(address(i)),
                    List.of(), subject(i), body(i), "UTF-8", false));
        }
        long start = System.nanoTime();
        int sent = 0;
        int round;
        do {
            round = outbox.dispatchDue(100);
            sent += round;
        } while (round > 0);
        double rate = sent / seconds(start);
        greenMail.purgeEmailFromAllMailboxes();
        if (sent != count) {
            throw new IllegalStateException("dispatcher sent " + sent + " of " + count);
        }
        log("dispatcher: %d mails, %.0f mails/s", sent, rate);
        return rate;
    }

    private Map<String, Object> campaign(ConfigurableApplicationContext app, JdbcClient jdbc, GreenMail greenMail,
                                         long shopId) throws Exception {
        log("campaign: seeding %d consenting members", recipients);
        jdbc.sql("""
                INSERT INTO member (shop_id, login_id, email, last_name, first_name, marketing_consent)
                SELECT :shop, 'bench-' || g, 'm' || (g % 100) || '@bench.example', '会員', g::text, TRUE
                FROM generate_series(1, :n) g""").param("shop", shopId).param("n", recipients).update();
        app.getBean(NewsletterSettings.class).save(shopId, true, "カートフロー商店", "news@demo.cartflow.test",
                "東京都渋谷区渋谷2-21-1", false, false, "bench");
        CampaignRepository campaigns = app.getBean(CampaignRepository.class);
        long id = campaigns.insert(shopId, "<!--{memberName}--> 様 冬のセール", FULL_BODY,
                new Segment(Segment.Kind.ALL_CONSENTING, null, null), Instant.now(), Campaign.Status.SCHEDULED, "bench",
                Instant.now());
        NewsletterSender sender = app.getBean(NewsletterSender.class);
        List<Long> heap = new ArrayList<>();
        heap.add(heapUsedMbAfterGc());
        long start = System.nanoTime();
        sender.start(id);
        int batches = 0;
        NewsletterSender.BatchResult result;
        do {
            result = sender.sendBatch(id);
            batches++;
            greenMail.purgeEmailFromAllMailboxes(); // the in-process server must not hold 50,000 mails in our heap
            if (batches % 10 == 0) {
                heap.add(heapUsedMbAfterGc());
                log("campaign: %d sent, heap %d MB", result.progress().sent(), heap.get(heap.size() - 1));
            }
        } while (result.nextBatchAt() != null);
        double seconds = seconds(start) - 0; // GC samples included: a conservative figure
        heap.add(heapUsedMbAfterGc());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sent", result.progress().sent());
        out.put("rate", String.format(Locale.ROOT, "%.0f", result.progress().sent() / seconds));
        out.put("seconds", String.format(Locale.ROOT, "%.1f", seconds));
        out.put("batches", batches);
        out.put("heapMb", new long[]{heap.get(0), heap.stream().mapToLong(Long::longValue).min().orElse(0),
                heap.stream().mapToLong(Long::longValue).max().orElse(0)});
        out.put("heap", heap.get(0) + "/" + heap.stream().mapToLong(Long::longValue).min().orElse(0) + "/"
                + heap.stream().mapToLong(Long::longValue).max().orElse(0) + "/" + heap.get(heap.size() - 1));
        return out;
    }

    private static final String FULL_BODY = """
            <!--{memberName}--> 様

            いつもカートフロー商店をご利用いただきありがとうございます。冬のセールのお知らせです。
            人気のドリップコーヒーと紅茶のセットを、12月25日まで20%オフでお届けします。
            カタログはこちら: http://localhost/files/catalog

            配信停止: <!--{unsubscribeUrl}-->
            """;

    private static String address(int i) {
        return "m" + (i % 100) + "@bench.example";
    }

    private static String subject(int i) {
        return "会員 " + i + " 様 冬のセール";
    }

    private static String body(int i) {
        return FULL_BODY.replace("<!--{memberName}-->", "会員 " + i).replace("<!--{unsubscribeUrl}-->",
                "http://localhost/newsletter/unsubscribe?t=" + i)
                + "\n\n────────────────────\n送信者: カートフロー商店\n住所: 東京都渋谷区渋谷2-21-1\n"
                + "お問い合わせ: news@demo.cartflow.test\n配信停止: http://localhost/newsletter/unsubscribe?t=" + i + "\n";
    }

    private static long heapUsedMbAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static long rssMb() {
        try {
            for (String line : Files.readAllLines(new File("/proc/self/status").toPath())) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    private static String rounded(double[] rates) {
        return String.join(" · ", java.util.Arrays.stream(rates).mapToObj(r -> String.format(Locale.ROOT, "%,.0f", r)).toList());
    }

    private static double seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toNanos() / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println("[newsletter-bench] " + String.format(Locale.ROOT, format, args));
    }
}
