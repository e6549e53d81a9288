package jp.cartflow.newsletter;

import jp.cartflow.mail.bounce.BounceRegistry;
import jp.cartflow.mail.outbox.MailKind;
import jp.cartflow.mail.outbox.MailOutbox;
import jp.cartflow.mail.Sender;
import jp.cartflow.mail.outbox.NewMail;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sends a campaign batch by batch. One batch: the next queued recipients, at most {@code batch-size}, and per
 * throttled destination domain no more than its rate allows in the current rate window (fixed windows of
 * {@code rate-window}); a domain at its limit waits for the next window while the others go on, so a campaign
 * is spread, never refused. Consent and bounce flags are read again at send time (MKT-1, MKT-3/BNC-3): a member
 * who withdrew during the campaign gets nothing more. Mails go through the outbox, over one SMTP connection.
 */
@Service
class NewsletterSender {

    private static final int PAGE = 1000;

    private final CampaignRepository campaigns;
    private final NewsletterSettings settings;
    private final ShopDirectory shops;
    private final BounceRegistry bounces;
    private final MailOutbox outbox;
    private final UnsubscribeLinks links;
    private final NewsletterProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    NewsletterSender(CampaignRepository campaigns, NewsletterSettings settings, ShopDirectory shops,
                     BounceRegistry bounces, MailOutbox outbox, UnsubscribeLinks links, NewsletterProperties properties,
                     Clock clock, PlatformTransactionManager transactionManager) {
        this.campaigns = campaigns;
        this.settings = settings;
        this.shops = shops;
        this.bounces = bounces;
        this.outbox = outbox;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** After a batch: the counts, and when the next batch may run (null: nothing left). */
    record BatchResult(CampaignProgress progress, int sentInBatch, Instant nextBatchAt, boolean cancelled) {
    }

    /** Starts sending: SENDING, one recipient row per segment member. False when the campaign was cancelled. */
    boolean start(long campaignId) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!campaigns.transition(campaignId, List.of(Campaign.Status.SCHEDULED, Campaign.Status.SENDING),
                    Campaign.Status.SENDING)) {
                return false;
            }
            Campaign campaign = campaigns.find(campaignId).orElseThrow();
            campaigns.markStarted(campaignId, clock.instant());
            campaigns.insertRecipients(campaign, clock.instant());
            return true;
        }));
    }

    BatchResult sendBatch(long campaignId) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow();
        if (campaign.status() == Campaign.Status.CANCELLED) {
            transaction.executeWithoutResult(status -> campaigns.cancelQueued(campaignId, clock.instant()));
            return new BatchResult(campaigns.progress(campaignId), 0, null, true);
        }
        int sent = finishHandedOver(campaignId);

        Instant now = clock.instant();
        long windowMillis = properties.rateWindow().toMillis();
        Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
        Map<String, Long> quota = new HashMap<>();
        Set<String> exhausted = new HashSet<>();
        List<CampaignRepository.PendingRecipient> batch = new ArrayList<>();
        long after = 0;
        boolean more = true;
        while (batch.size() < properties.batchSize() && more) {
            List<CampaignRepository.PendingRecipient> page = campaigns.queuedPage(campaignId, after, exhausted, PAGE);
            more = page.size() == PAGE;
            List<String> newDomains = page.stream().map(CampaignRepository.PendingRecipient::domain)
                    .filter(d -> !quota.containsKey(d) && properties.rateFor(d) != null).distinct().toList();
            for (String d : newDomains) {
                quota.put(d, (long) properties.rateFor(d));
            }
            for (Object[] used : campaigns.sentSince(campaignId, newDomains, windowStart)) {
                quota.merge((String) used[0], -((Long) used[1]), Long::sum);
            }
            for (CampaignRepository.PendingRecipient r : page) {
                after = r.id();
                if (batch.size() >= properties.batchSize()) {
                    break;
                }
                Long left = quota.get(r.domain());
                if (left != null) {
                    if (left <= 0) {
                        exhausted.add(r.domain());
                        continue;
                    }
                    quota.put(r.domain(), left - 1);
                }
                batch.add(r);
            }
        }
        sent += send(campaign, batch);

        CampaignProgress progress = campaigns.progress(campaignId);
        Instant next = null;
        if (progress.queued() > 0) {
            // a full batch: go on at once; a short one means only domains at their limit are left: next window
            Instant nextWindow = windowStart.plus(properties.rateWindow());
            next = batch.size() >= properties.batchSize() || !nextWindow.isAfter(clock.instant())
                    ? clock.instant() : nextWindow;
        }
        return new BatchResult(progress, sent, next, false);
    }

    /** Cancel: what is not handed over is marked cancelled; the sent part stays recorded. */
    void cancelRest(long campaignId) {
        transaction.executeWithoutResult(status -> campaigns.cancelQueued(campaignId, clock.instant()));
    }

    private int send(Campaign campaign, List<CampaignRepository.PendingRecipient> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        NewsletterSettings.Settings sender = settings.find(campaign.shopId()).orElseThrow();
        Shop shop = shops.byId(campaign.shopId());
        List<Long> noConsent = new ArrayList<>();
        List<Long> bounced = new ArrayList<>();
        List<Long> recipients = new ArrayList<>();
        List<NewMail> mails = new ArrayList<>();
        // one query for the batch's flags instead of one per recipient
        Map<String, BounceRegistry.Flag> flagged = bounces.flags(campaign.shopId(), batch.stream()
                .filter(CampaignRepository.PendingRecipient::consented).map(CampaignRepository.PendingRecipient::email)
                .toList());
        // the campaign's texts are parsed once per batch, filled per member
        NewsletterText.Template subject = NewsletterText.compile(campaign.subject());
        NewsletterText.Template body = NewsletterText.compile(campaign.body());
        for (CampaignRepository.PendingRecipient r : batch) {
            if (!r.consented()) {
                noConsent.add(r.id());
            } else if (flagged.containsKey(r.email().strip().toLowerCase(Locale.ROOT))) {
                bounced.add(r.id());
            } else {
                recipients.add(r.id());
                mails.add(mail(campaign, subject, body, sender, shop, r));
            }
        }
        Instant now = clock.instant();
        List<Long> outboxIds = transaction.execute(status -> {
            campaigns.setStatuses(noConsent, "SKIPPED_NO_CONSENT", "送信時に同意なし (MKT-1)", now);
            campaigns.setStatuses(bounced, "SKIPPED_BOUNCED", "バウンス登録あり (MKT-3/BNC-3)", now);
            List<Long> ids = outbox.queueAll(campaign.shopId(), mails);
            campaigns.setOutboxIds(recipients, ids, now);
            return ids;
        });
        return deliver(recipients, outboxIds);
    }

    /** A batch that was handed to the outbox but not marked (the job died): the outbox skips what it sent. */
    private int finishHandedOver(long campaignId) {
        List<long[]> rows = campaigns.handedOver(campaignId);
        return deliver(rows.stream().map(r -> r[0]).toList(), rows.stream().map(r -> r[1]).toList());
    }

    private int deliver(List<Long> recipientIds, List<Long> outboxIds) {
        if (recipientIds.isEmpty()) {
            return 0;
        }
        Map<Long, Long> recipientByOutbox = new HashMap<>();
        for (int i = 0; i < outboxIds.size(); i++) {
            recipientByOutbox.put(outboxIds.get(i), recipientIds.get(i));
        }
        List<Long> sent = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (MailOutbox.BatchOutcome outcome : outbox.sendAll(outboxIds)) {
            Long recipient = recipientByOutbox.get(outcome.outboxId());
            if (outcome.sent()) {
                sent.add(recipient);
            } else {
                failed.add(recipient);
                errors.add(outcome.error());
            }
        }
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            campaigns.setStatuses(sent, "SENT", null, now);
            campaigns.setFailed(failed, errors, now);
        });
        return sent.size();
    }

    private NewMail mail(Campaign campaign, NewsletterText.Template subjectTemplate, NewsletterText.Template bodyTemplate,
                         NewsletterSettings.Settings sender, Shop shop, CampaignRepository.PendingRecipient r) {
        String token = links.token(campaign.shopId(), r.memberId(), campaign.id());
        String unsubscribeUrl = links.url(token);
        Map<String, String> values = Map.of("memberName", r.name(), "memberEmail", r.email(), "shopName", shop.name(),
                "senderName", sender.senderName(), "senderEmail", sender.senderEmail(),
                "senderAddress", sender.postalAddress(), NewsletterText.UNSUBSCRIBE_TAG, unsubscribeUrl);
        String subject = subjectTemplate.render(values);
        String body = bodyTemplate.render(values)
                + NewsletterText.footer(sender.senderName(), sender.senderEmail(), sender.postalAddress(), unsubscribeUrl);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("X-Cartflow-Campaign-Id", String.valueOf(campaign.id()));
        return new NewMail(campaign.shopId(), MailKind.NEWSLETTER, null, null, null,
                new Sender(sender.senderEmail(), sender.senderName(), Sender.shop(shop).envelopeFrom()), List.of(r.email()), List.of(), subject, body, "UTF-8", true, headers);
    }
}
