package jp.cartflow.mail.bounce.process;

import jp.cartflow.mail.bounce.BounceSettings;
import jp.cartflow.mail.bounce.process.BounceCollectionProcess.Var;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine side of bounce collection: each shop with a bounce mailbox has one scheduled
 * {@code BounceCollectionProcess} instance at a time (started at boot and when the mailbox is first configured;
 * each one starts its successor after its wait and ends), and an operator can start a one-off run at any time.
 */
@Service
public class BounceCollectionRuns {

    private static final Logger log = LoggerFactory.getLogger(BounceCollectionRuns.class);

    private final RuntimeService runtime;
    private final BounceSettings settings;
    private final JdbcClient jdbc;

    BounceCollectionRuns(RuntimeService runtime, BounceSettings settings, JdbcClient jdbc) {
        this.runtime = runtime;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleConfiguredShops() {
        List<Long> shops = jdbc.sql("SELECT shop_id FROM bounce_mailbox WHERE pop3_host IS NOT NULL ORDER BY shop_id").query(Long.class).list();
        shops.forEach(this::ensureScheduled);
    }

    /** Starts the shop's repeating instance unless one runs already; returns its id. */
    public String ensureScheduled(long shopId) {
        String key = businessKey(shopId);
        ProcessInstance running = runtime.createProcessInstanceQuery().processDefinitionKey(BounceCollectionProcess.KEY)
                .processInstanceBusinessKey(key).variableValueEquals(Var.SCHEDULED, true).active().list()
                .stream().findFirst().orElse(null);
        if (running != null) {
            return running.getId();
        }
        log.info("bounce collection scheduled for shop {} every {} minutes", shopId, settings.load(shopId).pollMinutes());
        return start(shopId, true);
    }

    /** 次回の受信を開始する: the successor of a scheduled instance that is about to end (same transaction). */
    String startSuccessor(long shopId) {
        return start(shopId, true);
    }

    /** {@code POST /api/bounces/collection-runs}: a run now, beside the schedule. */
    public String startNow(long shopId) {
        if (settings.load(shopId).mailbox().isEmpty()) {
            throw jp.cartflow.platform.errors.DomainException.rule("BNC-1", "host",
                    "バウンスメールの受信設定 (POP3) がありません");
        }
        return start(shopId, false);
    }

    private String start(long shopId, boolean scheduled) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.SHOP_ID, shopId);
        variables.put(Var.SCHEDULED, scheduled);
        variables.put(Var.WAIT_DURATION, "PT" + settings.load(shopId).pollMinutes() + "M");
        return runtime.startProcessInstanceByKey(BounceCollectionProcess.KEY, businessKey(shopId), variables).getId();
    }

    static String businessKey(long shopId) {
        return "shop-" + shopId;
    }
}
