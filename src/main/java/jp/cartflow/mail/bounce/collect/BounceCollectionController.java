package jp.cartflow.mail.bounce.collect;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.cartflow.mail.bounce.BounceMailbox;
import jp.cartflow.mail.bounce.BounceQueries;
import jp.cartflow.mail.bounce.BounceSettings;
import jp.cartflow.mail.bounce.process.BounceCollectionRuns;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Bounce collection", description = "Bounce mailbox settings (BNC-1) and collection runs")
class BounceCollectionController {

    private final ShopDirectory shops;
    private final BounceSettings settings;
    private final Pop3Mailboxes mailboxes;
    private final BounceCollectionRuns runs;
    private final BounceQueries queries;

    BounceCollectionController(ShopDirectory shops, BounceSettings settings, Pop3Mailboxes mailboxes,
                               BounceCollectionRuns runs, BounceQueries queries) {
        this.shops = shops;
        this.settings = settings;
        this.mailboxes = mailboxes;
        this.runs = runs;
        this.queries = queries;
    }

    /** The settings as shown: the password only as "set". */
    record SettingsView(String host, Integer port, boolean ssl, String user, boolean passwordSet, String envelopeSender,
                        int pollMinutes, int softThreshold, int softWindowDays) {
        static SettingsView of(BounceSettings.Settings s) {
            return new SettingsView(s.mailbox().map(BounceMailbox::hostSetting).orElse(null),
                    s.mailbox().map(BounceMailbox::port).orElse(null), s.mailbox().map(BounceMailbox::ssl).orElse(false),
                    s.mailbox().map(BounceMailbox::user).orElse(null),
                    s.mailbox().map(m -> m.password() != null && !m.password().isEmpty()).orElse(false),
                    s.envelopeSender(), s.pollMinutes(), s.softThreshold(), s.softWindowDays());
        }
    }

    @GetMapping("/api/shop/bounce-settings")
    @Operation(summary = "Bounce mailbox settings; the password is never returned",
            description = "The shop's bounce mailbox (host, port, user, TLS); the password is never returned. Rules: BNC-1.")
    SettingsView get() {
        return SettingsView.of(settings.load(shops.current().id()));
    }

    @PutMapping("/api/shop/bounce-settings")
    @Operation(summary = "Change the bounce mailbox: host as mail.example.com (POP3 110) or ssl://pop.gmail.com (POP3S 995)",
            description = "Sets the bounce mailbox: `host` for POP3 on 110 or `ssl://host` for POP3S on 995, user and password. Rules: BNC-1.")
    SettingsView put(@RequestBody BounceSettings.Change change) {
        long shop = shops.current().id();
        SettingsView view = SettingsView.of(settings.update(shop, change));
        runs.ensureScheduled(shop);
        return view;
    }

    record TestResult(boolean success, String message) {
    }

    @PostMapping("/api/shop/bounce-settings/test")
    @Operation(summary = "Log in to the bounce mailbox with the stored settings and answer in Japanese",
            description = "Logs in to the bounce mailbox with the stored settings and answers the outcome in Japanese; reads no mail. Rules: BNC-1.")
    TestResult test() {
        BounceMailbox mailbox = settings.load(shops.current().id()).mailbox()
                .orElseThrow(() -> ApiException.rule("BNC-1", "host", "バウンスメールの受信設定 (POP3) がありません"));
        String message = mailboxes.test(mailbox);
        return new TestResult(message.startsWith("ログイン成功"), message);
    }

    record RunStarted(String processInstanceId) {
    }

    @PostMapping("/api/bounces/collection-runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a collection run now (BounceCollectionProcess); its summary appears in GET",
            description = "Starts a collection run of the bounce mailbox now (BounceCollectionProcess); its summary shows in the run list. Rules: BNC-1, BNC-2.")
    RunStarted start() {
        return new RunStarted(runs.startNow(shops.current().id()));
    }

    @GetMapping("/api/bounces/collection-runs")
    @Operation(summary = "Collection runs, newest first: fetched, bounces, non-bounces, quarantined, already recorded",
            description = "Collection runs, newest first, with counts fetched, bounces, non-bounces, quarantined and already recorded. Rules: BNC-1.")
    List<BounceQueries.Run> list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiException.invalid("limit", "1 から 500 で指定してください");
        }
        return queries.runs(shops.current().id(), limit);
    }
}
