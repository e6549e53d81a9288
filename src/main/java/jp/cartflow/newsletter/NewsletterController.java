package jp.cartflow.newsletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.cartflow.platform.web.MultiLine;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

@RestController
@RequestMapping("/api/newsletter")
@EnableConfigurationProperties(NewsletterProperties.class)
@Tag(name = "Newsletters", description = "Settings, templates and campaigns (MAIL-3, MKT-1..3, BNC-3)")
class NewsletterController {

    private final NewsletterSettings settings;
    private final NewsletterTemplates templates;
    private final NewsletterCampaigns campaigns;
    private final ShopDirectory shops;

    NewsletterController(NewsletterSettings settings, NewsletterTemplates templates, NewsletterCampaigns campaigns,
                         ShopDirectory shops) {
        this.settings = settings;
        this.templates = templates;
        this.campaigns = campaigns;
        this.shops = shops;
    }

    record SettingsRequest(@NotNull Boolean enabled, @NotBlank @Size(max = 255) String senderName,
                           @NotBlank @Email @Size(max = 255) String senderEmail,
                           @NotBlank @Size(max = 500) String postalAddress, Boolean approvalRequired,
                           Boolean importExistingMembersAsConsented) {
    }

    record SettingsResponse(boolean enabled, String senderName, String senderEmail, String postalAddress,
                            boolean approvalRequired, Instant enabledAt, Boolean importedExisting,
                            Integer membersImported) {
        static SettingsResponse of(NewsletterSettings.Settings s, Integer imported) {
            return new SettingsResponse(s.enabled(), s.senderName(), s.senderEmail(), s.postalAddress(),
                    s.approvalRequired(), s.enabledAt() == null ? null : s.enabledAt().toInstant(), s.importedExisting(),
                    imported);
        }
    }

    @GetMapping("/settings")
    @Operation(summary = "Read the shop's newsletter settings",
            description = "The shop's newsletter settings. Rules: MKT-2.")
    SettingsResponse settings() {
        return SettingsResponse.of(settings.find(shops.current().id())
                .orElseThrow(() -> ApiException.notFound("newsletter settings", "settings")), null);
    }

    @PutMapping("/settings")
    @Operation(summary = "Save the settings; the first switch-on must say whether existing members count as consenting (MKT-2)",
            description = "Saves the newsletter settings; the first switch-on must state whether existing members count as consenting. Rules: MKT-1, MKT-2.")
    SettingsResponse saveSettings(@Valid @RequestBody SettingsRequest r, Authentication user) {
        long shopId = shops.current().id();
        int imported = settings.save(shopId, r.enabled(), r.senderName(), r.senderEmail(), r.postalAddress(),
                Boolean.TRUE.equals(r.approvalRequired()), r.importExistingMembersAsConsented(), user.getName());
        return SettingsResponse.of(settings.find(shopId).orElseThrow(), imported);
    }

    record TemplateRequest(@NotBlank @Size(max = 1000) String subject, @NotBlank @Size(max = 20000) @MultiLine String body,
                           List<Object> attachments) {
    }

    @PutMapping("/templates/{code}")
    @Operation(summary = "Save a newsletter template: refused without <!--{unsubscribeUrl}--> or with attachments (MAIL-3)",
            description = "Saves a newsletter template; refused without the <!--{unsubscribeUrl}--> tag or with attachments. Rules: MAIL-1, MAIL-3.")
    NewsletterTemplates.Template saveTemplate(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String code,
                                              @Valid @RequestBody TemplateRequest r, Authentication user) {
        NewsletterRules.refuseAttachments(r.attachments());
        return templates.save(shops.current().id(), code, r.subject(), r.body(), user.getName());
    }

    @Operation(summary = "One newsletter template",
            description = "One newsletter template with subject and body. Rules: MAIL-1, MAIL-3.")
    @GetMapping("/templates/{code}")
    NewsletterTemplates.Template template(@PathVariable String code) {
        return templates.find(shops.current().id(), code)
                .orElseThrow(() -> ApiException.notFound("newsletter template " + code, "code"));
    }

    record SegmentRequest(@NotNull Segment.Kind kind, Integer attributeNo, @Size(max = 4000) String value) {
    }

    /**
     * @param sendAt Asia/Tokyo local date-time (e.g. 2026-12-05T10:00), the shop's business time
     */
    record CampaignRequest(@Size(max = 1000) String subject, @Size(max = 20000) @MultiLine String body,
                           @Size(max = 64) String templateCode, @NotNull @Valid SegmentRequest segment,
                           @NotNull LocalDateTime sendAt, List<Object> attachments) {
    }

    record CampaignResponse(long id, String status, String subject, String segmentKind, Integer segmentAttributeNo,
                            String segmentValue, Instant sendAt, String approvedBy, String reviewComment,
                            Instant startedAt, Instant finishedAt, String report, CampaignProgress progress) {
        static CampaignResponse of(Campaign c, CampaignProgress p) {
            return new CampaignResponse(c.id(), c.status().name(), c.subject(), c.segment().kind().name(),
                    c.segment().attributeNo(), c.segment().value(), c.sendAt(), c.approvedBy(), c.reviewComment(),
                    c.startedAt(), c.finishedAt(), c.report(), p);
        }
    }

    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Schedule a campaign (inline subject/body or a template); starts NewsletterCampaignProcess",
            description = "Schedules a campaign (inline subject and body, or a template) and starts its process; only consenting, unflagged members receive it. Rules: MKT-1, MKT-3, BNC-3, MAIL-3.")
    CampaignResponse create(@Valid @RequestBody CampaignRequest r, Authentication user) {
        NewsletterRules.refuseAttachments(r.attachments());
        long shopId = shops.current().id();
        String subject = r.subject();
        String body = r.body();
        if (r.templateCode() != null) {
            NewsletterTemplates.Template t = templates.find(shopId, r.templateCode())
                    .orElseThrow(() -> ApiException.invalid("templateCode", "テンプレート " + r.templateCode() + " がありません"));
            subject = subject == null ? t.subject() : subject;
            body = body == null ? t.body() : body;
        }
        if (subject == null || subject.isBlank()) {
            throw ApiException.invalid("subject", "件名がありません");
        }
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("body", "本文がありません");
        }
        Segment segment = new Segment(r.segment().kind(), r.segment().attributeNo(), r.segment().value());
        Campaign c = campaigns.create(shopId, subject, body, segment,
                r.sendAt().atZone(NewsletterCampaigns.TOKYO).toInstant(), user.getName());
        return CampaignResponse.of(c, campaigns.progress(c.id()));
    }

    @GetMapping("/campaigns/{campaignId}")
    @Operation(summary = "A campaign with its progress: queued, sent, skipped (no consent / bounced), failed, cancelled",
            description = "A campaign with its progress: queued, sent, skipped (no consent or bounced), failed, cancelled. Rules: MKT-3, BNC-3.")
    CampaignResponse get(@PathVariable long campaignId) {
        return CampaignResponse.of(campaigns.get(shops.current().id(), campaignId), campaigns.progress(campaignId));
    }

    @GetMapping("/campaigns/{campaignId}/preview")
    @Operation(summary = "Rendered sample, recipient count and exclusions",
            description = "A rendered sample, the recipient count and who is left out and why. Rules: MKT-1, MKT-3, BNC-3.")
    NewsletterCampaigns.Preview preview(@PathVariable long campaignId) {
        return campaigns.preview(campaigns.get(shops.current().id(), campaignId));
    }

    @PostMapping("/campaigns/{campaignId}/cancel")
    @Operation(summary = "Cancel: before sending nothing goes; while sending the rest is not sent, the sent part stays recorded",
            description = "Cancels a campaign: before sending nothing goes; while sending the rest stays unsent and the sent part stays recorded. Rules: MKT-3.")
    CampaignResponse cancel(@PathVariable long campaignId, Authentication user) {
        Campaign c = campaigns.cancel(shops.current().id(), campaignId, user.getName());
        return CampaignResponse.of(c, campaigns.progress(campaignId));
    }
}
