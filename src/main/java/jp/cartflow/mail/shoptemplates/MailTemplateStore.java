package jp.cartflow.mail.shoptemplates;

import jp.cartflow.mail.smtp.CharsetCheck;
import jp.cartflow.mail.taglanguage.DefaultTemplates;
import jp.cartflow.mail.taglanguage.MailTemplate;
import jp.cartflow.mail.taglanguage.TemplateError;
import jp.cartflow.mail.taglanguage.TemplateKey;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shops' editable mail templates. A template is validated when it is saved (MAIL-1): an unknown tag,
 * a tag outside its block, an unclosed block or a bad date pattern is refused with line and tag, so a
 * send never meets a broken template. ISO-2022-JP templates must be encodable (MAIL-5).
 */
@Service
public class MailTemplateStore {

    private static final String DEFAULT_NAME_SUFFIX = "(標準)";
    private static final String SYSTEM = "system";

    /**
     * SHA-256 of {@code subject + "\n\n" + body} of default templates shipped earlier. A shop whose template is still
     * exactly such a default (saved by the installer, never edited) gets the current default at start-up; an edited
     * template is never touched. First entries: the defaults before conditional blocks and {@code <sectionParcel>},
     * which printed empty 定期購入番号 and shop-URL lines, 値引き:-0円 and only the first parcel's tracking number.
     */
    private static final java.util.Map<TemplateKey, java.util.Set<String>> SUPERSEDED_DEFAULTS = java.util.Map.of(
            TemplateKey.ORDER_CONFIRMATION,
            java.util.Set.of("4be6abd75e294e90bf177a436f9754ee8900afd8ca8d50f5f619dafab0a1973e"),
            TemplateKey.SHIPPING_COMPLETE,
            java.util.Set.of("4ca265f358dcb0796bf15b7deb0b715ad6353524bd535af63f0d73c66ec49f55"),
            TemplateKey.SUBSCRIPTION_THANKS,
            java.util.Set.of("78cd194b41a95e75d551bb555e71e3e3880dcfd8d9bd8f2c62c2b87098462e9c"));

    /** An attribute tag and its id, as written in a template. */
    private static final java.util.regex.Pattern ATTRIBUTE_TAG =
            java.util.regex.Pattern.compile("(?:<!--\\{|<sectionIf(?:Not)?\\s+name\\s*=\\s*[\"'])\\s*"
                    + "(orderAttribute|shippingAttribute)\\s+id\\s*=\\s*\"?([0-9]{1,6})");

    private final JdbcClient jdbc;
    private final ShopDirectory shopDirectory;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<AttributeIds> attributeIds;

    MailTemplateStore(JdbcClient jdbc, ShopDirectory shopDirectory, Clock clock,
                      org.springframework.beans.factory.ObjectProvider<AttributeIds> attributeIds) {
        this.jdbc = jdbc;
        this.shopDirectory = shopDirectory;
        this.clock = clock;
        this.attributeIds = attributeIds;
    }

    /** MAIL-1, MEM-1: an attribute tag naming an id the shop does not define would print blank: refused at save. */
    private void undefinedAttributes(long shopId, String part, String text, List<TemplateRejectedException.Problem> out) {
        AttributeIds ids = attributeIds.getIfAvailable();
        if (ids == null || text == null) {
            return;
        }
        java.util.regex.Matcher m = ATTRIBUTE_TAG.matcher(text);
        while (m.find()) {
            int no = Integer.parseInt(m.group(2));
            if (!ids.isDefined(shopId, no)) {
                String before = text.substring(0, m.start());
                int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
                int column = m.start() - before.lastIndexOf('\n');
                out.add(new TemplateRejectedException.Problem(part, line, column, m.group(1), "UNDEFINED_ATTRIBUTE",
                        "会員追加項目 id=" + no + " は定義されていません / no member attribute " + no + " is defined"));
            }
        }
    }

    public Optional<StoredTemplate> find(long shopId, TemplateKey key) {
        return jdbc.sql("""
                SELECT shop_id, template_key, name, subject, body, charset, updated_at, updated_by
                FROM mail_template WHERE shop_id = :shop AND template_key = :key""")
                .param("shop", shopId).param("key", key.name())
                .query((rs, n) -> new StoredTemplate(rs.getLong(1), TemplateKey.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8)))
                .optional();
    }

    /** The template used for a send: the shop's own, else the shipped default. */
    public StoredTemplate forSending(long shopId, TemplateKey key) {
        return find(shopId, key).orElseGet(() -> {
            DefaultTemplates.Source source = DefaultTemplates.source(key);
            return new StoredTemplate(shopId, key, defaultName(key), source.subject(), source.body(), "UTF-8",
                    null, null);
        });
    }

    /** Validates and saves (insert or replace). */
    @Transactional
    public StoredTemplate save(long shopId, TemplateKey key, String name, String subject, String body,
                               String charset, String user) {
        List<TemplateRejectedException.Problem> problems = new ArrayList<>();
        for (TemplateError error : MailTemplate.validate(subject, body, key.dialect())) {
            problems.add(new TemplateRejectedException.Problem(error.field(), error.line(),
                    error.column(), error.tag(), error.code(), error.message()));
        }
        undefinedAttributes(shopId, "subject", subject, problems);
        undefinedAttributes(shopId, "body", body, problems);
        if ("ISO-2022-JP".equals(charset)) {
            CharsetCheck.firstUnencodable(subject, charset).ifPresent(u -> problems.add(
                    new TemplateRejectedException.Problem("subject", u.line(), u.column(), null, "UNENCODABLE_CHARACTER",
                            "ISO-2022-JP で送れない文字です / not encodable in ISO-2022-JP: " + u.describe())));
            CharsetCheck.firstUnencodable(body, charset).ifPresent(u -> problems.add(
                    new TemplateRejectedException.Problem("body", u.line(), u.column(), null, "UNENCODABLE_CHARACTER",
                            "ISO-2022-JP で送れない文字です / not encodable in ISO-2022-JP: " + u.describe())));
        }
        if (!problems.isEmpty()) {
            throw new TemplateRejectedException(problems);
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        String finalName = name == null || name.isBlank() ? defaultName(key) : name;
        int updated = jdbc.sql("""
                UPDATE mail_template SET name = :name, subject = :subject, body = :body, charset = :charset,
                    updated_at = :now, updated_by = :user WHERE shop_id = :shop AND template_key = :key""")
                .param("name", finalName).param("subject", subject).param("body", body).param("charset", charset)
                .param("now", now).param("user", user).param("shop", shopId).param("key", key.name())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO mail_template (shop_id, template_key, name, subject, body, charset, updated_at, updated_by)
                    VALUES (:shop, :key, :name, :subject, :body, :charset, :now, :user)""")
                    .param("shop", shopId).param("key", key.name()).param("name", finalName)
                    .param("subject", subject).param("body", body).param("charset", charset)
                    .param("now", now).param("user", user).update();
        }
        return find(shopId, key).orElseThrow();
    }

    /**
     * Gives every shop the shipped Japanese defaults it does not have yet, and replaces a template that is still an
     * earlier shipped default, unedited (never overwrites an edit).
     */
    @Transactional
    public int installDefaults() {
        int installed = 0;
        List<Long> shops = shopDirectory.allIds();
        for (long shopId : shops) {
            for (TemplateKey key : TemplateKey.values()) {
                Optional<StoredTemplate> stored = find(shopId, key);
                if (stored.isEmpty() || isSupersededDefault(stored.get())) {
                    DefaultTemplates.Source source = DefaultTemplates.source(key);
                    save(shopId, key, stored.map(StoredTemplate::name).orElse(defaultName(key)), source.subject(),
                            source.body(), stored.map(StoredTemplate::charset).orElse("UTF-8"), SYSTEM);
                    installed++;
                }
            }
        }
        return installed;
    }

    static boolean isSupersededDefault(StoredTemplate t) {
        return SYSTEM.equals(t.updatedBy())
                && SUPERSEDED_DEFAULTS.getOrDefault(t.key(), java.util.Set.of()).contains(sha256(t.subject() + "\n\n" + t.body()));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String defaultName(TemplateKey key) {
        return switch (key) {
            case ORDER_CONFIRMATION -> "ご注文確認メール";
            case SHIPPING_COMPLETE -> "発送完了メール";
            case SUBSCRIPTION_THANKS -> "定期購入お申し込みお礼メール";
            case MYPAGE_CHANGE_NOTICE -> "会員情報変更通知(ショップ宛)";
            case CARD_EXPIRY_REMINDER -> "カード有効期限のお知らせ";
        } + DEFAULT_NAME_SUFFIX;
    }
}
