package jp.cartflow.newsletter;

import jp.cartflow.mail.bounce.BounceRegistry;
import jp.cartflow.member.Members;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The use cases of newsletter campaigns: create (validated), preview, approve or return, cancel, progress. */
@Service
class NewsletterCampaigns {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm");

    private final CampaignRepository campaigns;
    private final NewsletterSettings settings;
    private final CampaignProcesses engine;
    private final NewsletterSender sender;
    private final BounceRegistry bounces;
    private final ShopDirectory shops;
    private final Members members;
    private final JdbcClient jdbc;
    private final Clock clock;

    NewsletterCampaigns(CampaignRepository campaigns, NewsletterSettings settings, CampaignProcesses engine,
                        NewsletterSender sender, BounceRegistry bounces, ShopDirectory shops, Members members,
                        JdbcClient jdbc, Clock clock) {
        this.campaigns = campaigns;
        this.settings = settings;
        this.engine = engine;
        this.sender = sender;
        this.bounces = bounces;
        this.shops = shops;
        this.members = members;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Validates everything first, then writes the campaign and starts its process in one transaction. */
    @Transactional
    Campaign create(long shopId, String subject, String body, Segment segment, Instant sendAt, String user) {
        NewsletterSettings.Settings s = settings.requireEnabled(shopId);
        NewsletterRules.requireValidText(subject, body);
        requireKnownSegment(shopId, segment);
        if (!sendAt.isAfter(clock.instant())) {
            throw DomainException.invalid("sendAt", "配信日時が過去です(" + WHEN.format(sendAt.atZone(TOKYO))
                    + ")。これから先の日時を指定してください。");
        }
        Campaign.Status status = s.approvalRequired() ? Campaign.Status.AWAITING_APPROVAL : Campaign.Status.SCHEDULED;
        long id = campaigns.insert(shopId, subject, body, segment, sendAt, status, user, clock.instant());
        Campaign campaign = campaigns.find(id).orElseThrow();
        engine.start(campaign.businessKey(), campaign.id(), s.approvalRequired(), campaign.sendAt());
        return campaign;
    }

    Campaign get(long shopId, long id) {
        return campaigns.find(id).filter(c -> c.shopId() == shopId)
                .orElseThrow(() -> DomainException.notFound("campaign " + id, "campaignId"));
    }

    Campaign byId(long id) {
        return campaigns.find(id).orElseThrow(() -> new IllegalStateException("no campaign " + id));
    }

    CampaignProgress progress(long id) {
        return campaigns.progress(id);
    }

    /** What the approver sees: a rendered sample, how many get it, how many are excluded and why. */
    record Preview(String subject, String body, long recipients, long excludedNoConsent, long excludedBounced,
                   String sendAt, String segment) {
    }

    Preview preview(Campaign campaign) {
        SegmentSql where = SegmentSql.of(campaign.segment());
        List<Object[]> members = jdbc.sql("SELECT m.email, m.marketing_consent FROM member_contact_view m WHERE m.shop_id = :shop AND "
                        + where.sql())
                .param("shop", campaign.shopId()).params(where.params())
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getBoolean(2)}).list();
        long noConsent = 0;
        long bounced = 0;
        long recipients = 0;
        for (Object[] m : members) {
            if (!(Boolean) m[1]) {
                noConsent++;
            } else if (bounces.flag(campaign.shopId(), (String) m[0]).isPresent()) {
                bounced++;
            } else {
                recipients++;
            }
        }
        NewsletterSettings.Settings s = settings.find(campaign.shopId()).orElseThrow();
        Map<String, String> sample = Map.of("memberName", "山田 太郎", "memberEmail", "taro@example.jp",
                "shopName", shops.byId(campaign.shopId()).name(), "senderName", s.senderName(),
                "senderEmail", s.senderEmail(), "senderAddress", s.postalAddress(),
                NewsletterText.UNSUBSCRIBE_TAG, "https://…/newsletter/unsubscribe?t=(会員ごとの署名付きリンク)");
        return new Preview(NewsletterText.render(campaign.subject(), sample),
                NewsletterText.render(campaign.body(), sample)
                        + NewsletterText.footer(s.senderName(), s.senderEmail(), s.postalAddress(), sample.get("unsubscribeUrl")),
                recipients, noConsent, bounced, WHEN.format(campaign.sendAt().atZone(TOKYO)), describe(campaign.segment()));
    }

    /** The approver's decision (from the task form). */
    @Transactional
    void recordReview(long id, boolean approved, String user, String comment) {
        campaigns.recordReview(id, user, comment);
        campaigns.transition(id, List.of(Campaign.Status.AWAITING_APPROVAL),
                approved ? Campaign.Status.SCHEDULED : Campaign.Status.RETURNED);
    }

    /**
     * Cancel. Before sending: the campaign and its process end, nothing is sent. While sending: the running
     * batch finishes, the rest is not sent, and what was sent stays recorded.
     */
    @Transactional
    Campaign cancel(long shopId, long id, String user) {
        Campaign campaign = get(shopId, id);
        if (!campaigns.transition(id, List.of(Campaign.Status.AWAITING_APPROVAL, Campaign.Status.SCHEDULED,
                Campaign.Status.SENDING), Campaign.Status.CANCELLED)) {
            throw DomainException.conflict("status", "この配信は中止できません(状態: " + campaign.status() + ")");
        }
        campaigns.markCancelledBy(id, user);
        if (campaign.status() != Campaign.Status.SENDING) {
            engine.cancelBeforeSending(campaign.businessKey());
            campaigns.finish(id, "配信前に中止 (" + user + ")", clock.instant());
        }
        return campaigns.find(id).orElseThrow();
    }

    @Transactional
    String writeReport(long id) {
        Campaign campaign = campaigns.find(id).orElseThrow();
        boolean cancelled = campaign.status() == Campaign.Status.CANCELLED;
        if (cancelled) {
            sender.cancelRest(id);
        } else {
            campaigns.transition(id, List.of(Campaign.Status.SENDING), Campaign.Status.SENT);
        }
        String report = campaigns.progress(id).report(cancelled);
        campaigns.finish(id, report, clock.instant());
        return report;
    }

    private void requireKnownSegment(long shopId, Segment segment) {
        switch (segment.kind()) {
            case ALL_CONSENTING -> {
            }
            case ATTRIBUTE -> {
                if (segment.attributeNo() == null) {
                    throw DomainException.invalid("segment.attributeNo", "属性で絞り込むときは会員追加項目の番号が必要です");
                }
                if (segment.value() == null || segment.value().isBlank()) {
                    throw DomainException.invalid("segment.value", "属性で絞り込むときは値が必要です");
                }
                if (!members.hasAttribute(shopId, segment.attributeNo())) {
                    throw DomainException.invalid("segment.attributeNo",
                            "会員追加項目 " + segment.attributeNo() + " はこのショップにありません");
                }
            }
            case SUBSCRIPTION -> {
                if (!"ACTIVE".equals(segment.value()) && !"ENDED".equals(segment.value())) {
                    throw DomainException.invalid("segment.value", "定期購入の状態は ACTIVE か ENDED です");
                }
            }
        }
    }

    private String describe(Segment segment) {
        return switch (segment.kind()) {
            case ALL_CONSENTING -> "同意のあるすべての会員";
            case ATTRIBUTE -> "会員追加項目 " + segment.attributeNo() + " が「" + segment.value() + "」の会員";
            case SUBSCRIPTION -> "ACTIVE".equals(segment.value()) ? "定期購入中の会員" : "定期購入を終えた会員";
        };
    }
}
