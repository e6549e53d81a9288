package jp.cartflow.mail.taglanguage;

import static jp.cartflow.mail.taglanguage.TagScope.GENERAL;
import static jp.cartflow.mail.taglanguage.TagScope.ORDER_ITEM;
import static jp.cartflow.mail.taglanguage.TagScope.PARCEL;
import static jp.cartflow.mail.taglanguage.TagScope.SHIPPING;
import static jp.cartflow.mail.taglanguage.ValueType.ATTRIBUTE;
import static jp.cartflow.mail.taglanguage.ValueType.DATE;
import static jp.cartflow.mail.taglanguage.ValueType.DATE_TIME;
import static jp.cartflow.mail.taglanguage.ValueType.MONEY;
import static jp.cartflow.mail.taglanguage.ValueType.NUMBER;
import static jp.cartflow.mail.taglanguage.ValueType.TEXT;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalogue of comment tags (MAIL-1): name, scope, value type, Japanese description, example and where
 * the value comes from. Validation, rendering and {@code docs/mail.md} (checked by {@code MailDocsTest}) all
 * read this one list, so they cannot drift.
 *
 * <p>A name may exist in several scopes (e.g. {@code shippingMethod}, {@code trackingNumber}): inside
 * {@code <sectionParcel>} it is that parcel's value, inside {@code <sectionShipping>} that shipment's (its first
 * parcel's), elsewhere the first shipment's. The same names are what {@code <sectionIf name="…">} tests.
 */
enum MailTag {
    // ---- general ----
    SHOP_NAME("shopName", GENERAL, TEXT, "ショップ名", "クラフト雑貨 こもれび", r -> r.ctx().shop().name()),
    SHOP_URL("shopUrl", GENERAL, TEXT, "ショップURL", "https://komorebi.example.jp/", r -> r.ctx().shop().url()),
    SHOP_EMAIL("shopEmail", GENERAL, TEXT, "ショップのメールアドレス", "info@komorebi.example.jp", r -> r.ctx().shop().email()),
    ORDER_NO("orderNo", GENERAL, TEXT, "受注番号", "20250315-0042", r -> r.order().orderNo()),
    ORDER_DATE_TIME("orderDateTime", GENERAL, DATE_TIME, "注文日時(定期購入の自動生成受注は生成日時)", "2025/03/15 14:05:09",
            r -> r.order().orderDateTime()),
    ORDER_NAME1("orderName1", GENERAL, TEXT, "購入者氏名(姓)", "山田", r -> r.order().orderName1()),
    ORDER_NAME2("orderName2", GENERAL, TEXT, "購入者氏名(名)", "花子", r -> r.order().orderName2()),
    ORDER_KANA1("orderKana1", GENERAL, TEXT, "購入者氏名フリガナ(セイ)", "ヤマダ", r -> r.order().orderKana1()),
    ORDER_KANA2("orderKana2", GENERAL, TEXT, "購入者氏名フリガナ(メイ)", "ハナコ", r -> r.order().orderKana2()),
    ORDER_EMAIL("orderEmail", GENERAL, TEXT, "購入者Eメールアドレス", "hanako@example.jp", r -> r.order().email()),
    ORDER_TEL("orderTel", GENERAL, TEXT, "購入者電話番号", "03-1234-5678", r -> r.order().tel()),
    ORDER_ZIP("orderZip", GENERAL, TEXT, "購入者郵便番号", "150-0001", r -> r.order().zip()),
    ORDER_ADDRESS("orderAddress", GENERAL, TEXT, "購入者住所", "東京都渋谷区神宮前1-2-3", r -> r.order().address()),
    PAYMENT_METHOD("paymentMethod", GENERAL, TEXT, "お支払方法", "クレジットカード", r -> r.order().paymentMethod()),
    SUBTOTAL("subtotal", GENERAL, MONEY, "商品合計(円)", "12,800", r -> r.order().subtotal()),
    SHIPPING_FEE("shippingFee", GENERAL, MONEY, "送料(円)", "880", r -> r.order().shippingFee()),
    PAYMENT_FEE("paymentFee", GENERAL, MONEY, "決済手数料(円)", "330", r -> r.order().paymentFee()),
    DISCOUNT("discount", GENERAL, MONEY, "値引き額(円)", "500", r -> r.order().discount()),
    POINTS_USED("pointsUsed", GENERAL, NUMBER, "利用ポイント", "1,000", r -> r.order().pointsUsed()),
    TOTAL("total", GENERAL, MONEY, "お支払合計(円)", "12,510", r -> r.order().total()),
    ORDER_MEMO("orderMemo", GENERAL, TEXT, "備考(定期購入メモを含む)", "不在時は宅配ボックスへ", r -> r.order().memo()),
    SUBSCRIPTION_NO("subscriptionNo", GENERAL, TEXT, "定期購入番号(送信時に指定した場合のみ表示、SUB-30)", "tk-13002",
            r -> r.ctx().includeSubscriptionNo() ? r.order().subscriptionNo() : null),
    NEXT_DELIVERY_DATE("nextDeliveryDate", GENERAL, DATE, "定期購入の次回お届け予定日", "2025/04/15",
            r -> r.order().nextDeliveryDate()),
    SHIPPING_METHOD("shippingMethod", GENERAL, TEXT, "配送方法名称(1件目の配送先)", "ヤマト運輸",
            r -> r.firstShipment().shippingMethod()),
    SHIPPING_METHOD_ID("shippingMethodId", GENERAL, TEXT, "配送方法ID(1件目の配送先)", "2",
            r -> r.firstShipment().shippingMethodId()),
    DELIVERY_TRACKING_URL("deliveryTrackingUrl", GENERAL, TEXT, "伝票No.URL(1件目の配送先、伝票番号入り)",
            "https://track.example.jp/?no=123456789012", r -> r.firstShipment().deliveryTrackingUrl()),
    TRACKING_NUMBER("trackingNumber", GENERAL, TEXT, "伝票番号(1件目の配送先)", "123456789012",
            r -> r.firstShipment().trackingNumber()),
    SHIPPED_DATE("shippedDate", GENERAL, DATE, "発送日(1件目の配送先)", "2025/03/17", r -> r.firstShipment().shippedDate()),
    MEMBER_NAME("memberName", GENERAL, TEXT, "会員氏名", "山田 花子", r -> r.ctx().member().fullName()),
    MEMBER_EMAIL("memberEmail", GENERAL, TEXT, "会員Eメールアドレス", "hanako@example.jp", r -> r.ctx().member().email()),
    MEMBER_ID("memberId", GENERAL, TEXT, "会員ID", "10234", r -> r.ctx().member().memberId()),
    CHANGE_SUMMARY("changeSummary", GENERAL, TEXT, "マイページでの変更内容(会員情報変更通知、SUB-28)",
            "お届け周期: 毎月15日 → 毎月25日", r -> r.ctx().changeSummary()),
    ORDER_ATTRIBUTE("orderAttribute", GENERAL, ATTRIBUTE, "購入者の追加項目(id=90 会社名、id=91 部署名、その他は会員追加項目ID)",
            "株式会社こもれび", null),

    // ---- <sectionOrderItem> ----
    PRODUCT_ID("productId", ORDER_ITEM, TEXT, "購入商品ID", "1024", r -> r.line().productId()),
    PRODUCT_CODE("productCode", ORDER_ITEM, TEXT, "商品コード", "KM-MUG-01", r -> r.line().productCode()),
    PRODUCT_NAME("productName", ORDER_ITEM, TEXT, "商品名", "手びねりマグカップ(藍)", r -> r.line().productName()),
    UNIT_PRICE("unitPrice", ORDER_ITEM, MONEY, "単価(円)", "3,200", r -> r.line().unitPrice()),
    QUANTITY("quantity", ORDER_ITEM, NUMBER, "数量", "2", r -> r.line().quantity()),
    LINE_TOTAL("lineTotal", ORDER_ITEM, MONEY, "小計(単価×数量、円)", "6,400", r -> r.line().lineTotal()),

    // ---- <sectionShipping> ----
    SHIPPING_NAME1("shippingName1", SHIPPING, TEXT, "送付先氏名(姓)", "佐藤", r -> r.shipment().name1()),
    SHIPPING_NAME2("shippingName2", SHIPPING, TEXT, "送付先氏名(名)", "一郎", r -> r.shipment().name2()),
    SHIPPING_KANA1("shippingKana1", SHIPPING, TEXT, "送付先氏名フリガナ(セイ)", "サトウ", r -> r.shipment().kana1()),
    SHIPPING_KANA2("shippingKana2", SHIPPING, TEXT, "送付先氏名フリガナ(メイ)", "イチロウ", r -> r.shipment().kana2()),
    SHIPPING_ZIP("shippingZip", SHIPPING, TEXT, "送付先郵便番号", "530-0001", r -> r.shipment().zip()),
    SHIPPING_ADDRESS("shippingAddress", SHIPPING, TEXT, "送付先住所", "大阪府大阪市北区梅田1-1-1", r -> r.shipment().address()),
    SHIPPING_TEL("shippingTel", SHIPPING, TEXT, "送付先電話番号", "06-1234-5678", r -> r.shipment().tel()),
    SHIPMENT_SHIPPING_METHOD("shippingMethod", SHIPPING, TEXT, "送付先お届け方法(配送方法名称)", "佐川急便",
            r -> r.shipment().shippingMethod()),
    SHIPMENT_SHIPPING_METHOD_ID("shippingMethodId", SHIPPING, TEXT, "送付先の配送方法ID", "3",
            r -> r.shipment().shippingMethodId()),
    SHIPPING_TIME_SLOT("shippingTimeSlot", SHIPPING, TEXT, "お届け時間帯(配送業者の時間帯名、なければ 指定なし)", "14〜16時",
            r -> r.shipment().timeSlot()),
    DELIVERY_DATE("deliveryDate", SHIPPING, DATE, "お届け希望日", "2025/03/20", r -> r.shipment().deliveryDate()),
    SHIPMENT_SHIPPED_DATE("shippedDate", SHIPPING, DATE, "この配送先の発送日", "2025/03/17", r -> r.shipment().shippedDate()),
    SHIPMENT_TRACKING_NUMBER("trackingNumber", SHIPPING, TEXT, "この配送先の伝票番号(複数個口なら1個目)", "987654321098",
            r -> r.shipment().trackingNumber()),
    SHIPMENT_DELIVERY_TRACKING_URL("deliveryTrackingUrl", SHIPPING, TEXT,
            "この配送先の配送業者の伝票No.URL(1個目の伝票番号入り、MAIL-2)", "https://track.example.jp/?no=987654321098",
            r -> r.shipment().deliveryTrackingUrl()),
    SHIPPING_ATTRIBUTE("shippingAttribute", SHIPPING, ATTRIBUTE,
            "送付先の追加項目(id=90 会社名、id=91 部署名、その他は会員追加項目ID)", "営業部", null),

    // ---- <sectionParcel> (inside <sectionShipping>) ----
    PARCEL_NO("parcelNo", PARCEL, NUMBER, "個口番号(1から)", "2", r -> r.parcel().parcelNo()),
    PARCEL_TRACKING_NUMBER("trackingNumber", PARCEL, TEXT, "この荷物(個口)の伝票番号", "987654321099",
            r -> r.parcel().trackingNumber()),
    PARCEL_DELIVERY_TRACKING_URL("deliveryTrackingUrl", PARCEL, TEXT,
            "この荷物の伝票No.URL(この荷物の伝票番号入り、MAIL-2)", "https://track.example.jp/?no=987654321099",
            r -> r.parcel().deliveryTrackingUrl());

    private final String tagName;
    private final TagScope scope;
    private final ValueType type;
    private final String descriptionJa;
    private final String example;
    private final Function<Row, Object> value;

    MailTag(String tagName, TagScope scope, ValueType type, String descriptionJa, String example,
            Function<Row, Object> value) {
        this.tagName = tagName;
        this.scope = scope;
        this.type = type;
        this.descriptionJa = descriptionJa;
        this.example = example;
        this.value = value;
    }

    /** The name written in the template, e.g. {@code orderNo}. */
    public String tagName() {
        return tagName;
    }

    public TagScope scope() {
        return scope;
    }

    public ValueType type() {
        return type;
    }

    public String descriptionJa() {
        return descriptionJa;
    }

    /** An example of the rendered value. */
    public String example() {
        return example;
    }

    /** How the tag is written, e.g. {@code <!--{orderNo}-->} or {@code <!--{orderAttribute id=90}-->}. */
    public String syntax() {
        return type == ATTRIBUTE ? "<!--{" + tagName + " id=90}-->" : "<!--{" + tagName + "}-->";
    }

    /** All tags valid in a scope (general tags are also valid inside blocks, but are not listed here). */
    public static List<MailTag> inScope(TagScope scope) {
        return Arrays.stream(values()).filter(t -> t.scope == scope).toList();
    }

    /**
     * The tag a name means at a position: the enclosing block's own tag first, then the block around it
     * ({@code <sectionShipping>} around {@code <sectionParcel>}), then the general one.
     */
    static Optional<MailTag> resolve(String name, TagScope enclosing) {
        for (TagScope scope = enclosing; scope != null; scope = scope.parent()) {
            Optional<MailTag> tag = find(name, scope);
            if (tag.isPresent()) {
                return tag;
            }
        }
        return Optional.empty();
    }

    static Optional<MailTag> find(String name, TagScope scope) {
        return Arrays.stream(values()).filter(t -> t.scope == scope && t.tagName.equals(name)).findFirst();
    }

    /** Any scope the name exists in — to tell "outside its block" from "unknown". */
    static Optional<MailTag> anyScope(String name) {
        return Arrays.stream(values()).filter(t -> t.tagName.equals(name)).findFirst();
    }

    Object valueFrom(Row row) {
        if (type == ATTRIBUTE) {
            throw new IllegalStateException(tagName + " needs an id");
        }
        return value.apply(row);
    }
}
