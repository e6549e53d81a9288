package jp.cartflow.order;

import jp.cartflow.member.Attributes;
import jp.cartflow.shop.Shop;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The order's slips as PDF: 納品書 (delivery slip, goes in the parcel) and 請求書 (invoice). Both print what
 * {@link OrderQueries#detail} reads, nothing else: the shop, the order number and date (Asia/Tokyo), the customer
 * with company and department (attributes 90/91) where present, each shipping address, the lines and the amounts
 * as the order holds them (tax included), the payment method's name and, for a generated order, the subscription
 * number and the next delivery (SUB-23). Fees, discounts and points print only when they are not zero. The
 * invoice adds the billed amount and the shop's payee note when one is configured; the order data has no due
 * date, so none is printed.
 */
@Service
class OrderSlips {

    enum Kind {
        DELIVERY_SLIP("納品書", "delivery-slip", "下記の通り納品いたします。"),
        INVOICE("請求書", "invoice", "下記の通りご請求申し上げます。");

        final String title;
        final String fileStem;
        final String greeting;

        Kind(String title, String fileStem, String greeting) {
            this.title = title;
            this.fileStem = fileStem;
            this.greeting = greeting;
        }
    }

    static final String FONT = "/fonts/ipaexg.ttf";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.JAPAN);
    private static final float BODY = 9.5f;
    private static final float LABEL_WIDTH = 92f;

    private final Clock clock;
    private final String issuerAddress;
    private final String issuerTel;
    private final String payeeNote;
    private volatile byte[] fontProgram;

    OrderSlips(Clock clock,
               @Value("${cartflow.slips.issuer-address:}") String issuerAddress,
               @Value("${cartflow.slips.issuer-tel:}") String issuerTel,
               @Value("${cartflow.slips.invoice-payee-note:}") String payeeNote) {
        this.clock = clock;
        this.issuerAddress = issuerAddress;
        this.issuerTel = issuerTel;
        this.payeeNote = payeeNote;
    }

    /** The file name the slip is offered under, e.g. {@code invoice-D-100001.pdf} (ASCII only). */
    static String fileName(Kind kind, String orderNo) {
        return kind.fileStem + "-" + orderNo.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    byte[] render(Kind kind, Shop shop, OrderQueries.Detail order) {
        try (SlipDocument pdf = new SlipDocument(font(), kind.title + " " + order.orderNo(),
                kind.title + "  ご注文番号 " + order.orderNo() + "  " + shop.name())) {
            pdf.heading(kind.title, 20);
            pdf.gap(4);
            pdf.text("発行日 " + date(LocalDate.now(clock.withZone(OrderQueries.TOKYO))), BODY);
            pdf.gap(6);
            customer(pdf, order);
            pdf.gap(4);
            pdf.text(kind.greeting, BODY);
            if (kind == Kind.INVOICE) {
                pdf.gap(4);
                pdf.heading("ご請求金額 " + yen(order.totals().total()) + "(税込)", 14);
            }
            issuer(pdf, shop);
            orderFacts(pdf, order);
            shipments(pdf, order);
            lines(pdf, order);
            totals(pdf, order.totals());
            if (order.memo() != null && !order.memo().isBlank()) {
                pdf.section("備考");
                pdf.text(order.memo(), BODY);
            }
            if (kind == Kind.INVOICE && !payeeNote.isBlank()) {
                pdf.section("お振込先・お支払について");
                for (String line : payeeNote.split("\\R")) {
                    pdf.text(line, BODY);
                }
            }
            return pdf.finish();
        }
    }

    private void customer(SlipDocument pdf, OrderQueries.Detail order) {
        String company = attribute(order, Attributes.COMPANY);
        String department = attribute(order, Attributes.DEPARTMENT);
        if (company != null || department != null) {
            pdf.text(String.join(" ", nonNull(company, department)), 11);
        }
        pdf.heading(order.customerName() + " 様", 13);
        pdf.text(postal(order.zipcode(), order.address()), BODY);
        if (present(order.tel())) {
            pdf.text("TEL " + order.tel(), BODY);
        }
    }

    private void issuer(SlipDocument pdf, Shop shop) {
        pdf.section("発行元");
        pdf.text(shop.name(), 10.5f);
        if (!issuerAddress.isBlank()) {
            pdf.text(issuerAddress, BODY);
        }
        if (!issuerTel.isBlank()) {
            pdf.text("TEL " + issuerTel, BODY);
        }
        if (present(shop.email())) {
            pdf.text(shop.email(), BODY);
        }
    }

    private void orderFacts(SlipDocument pdf, OrderQueries.Detail order) {
        pdf.section("ご注文内容");
        pdf.labelled("ご注文番号", order.orderNo(), BODY, LABEL_WIDTH);
        pdf.labelled("ご注文日", date(order.orderedAt()), BODY, LABEL_WIDTH);
        pdf.labelled("お支払方法", Optional.ofNullable(order.payment().methodName())
                .orElse(order.payment().methodCode()), BODY, LABEL_WIDTH);
        OrderQueries.SubscriptionRef sub = order.subscription();
        if (sub != null) {
            // SUB-23: the subscription number and the next delivery schedule, as the order carries them
            pdf.labelled("定期購入番号", sub.subscriptionNo(), BODY, LABEL_WIDTH);
            pdf.labelled("お届け回数", "第" + sub.deliveryIndex() + "回", BODY, LABEL_WIDTH);
            String schedule = sub.nextDeliverySchedule();
            String dateSuffix = sub.nextDeliveryDate() == null ? null : " 次回お届け予定日 " + sub.nextDeliveryDate();
            if (present(schedule) && dateSuffix != null && schedule.endsWith(dateSuffix)) {
                // the schedule as the order carries it is "<cycle> 次回お届け予定日 <ISO date>": the date prints below
                schedule = schedule.substring(0, schedule.length() - dateSuffix.length());
                if (present(schedule)) {
                    pdf.labelled("お届け周期", schedule, BODY, LABEL_WIDTH);
                }
            } else if (present(schedule)) {
                pdf.labelled("お届け予定", schedule, BODY, LABEL_WIDTH);
            }
            if (sub.nextDeliveryDate() != null) {
                pdf.labelled("次回お届け予定日", date(sub.nextDeliveryDate()), BODY, LABEL_WIDTH);
            }
        }
    }

    private void shipments(SlipDocument pdf, OrderQueries.Detail order) {
        List<OrderQueries.ShipmentDetail> shipments = order.shipments();
        for (OrderQueries.ShipmentDetail s : shipments) {
            pdf.section(shipments.size() == 1 ? "お届け先" : "お届け先 " + s.shipmentNo());
            pdf.labelled("お名前", s.name() + " 様", BODY, LABEL_WIDTH);
            pdf.labelled("ご住所", postal(s.zipcode(), s.address()), BODY, LABEL_WIDTH);
            if (present(s.tel())) {
                pdf.labelled("電話番号", s.tel(), BODY, LABEL_WIDTH);
            }
            if (present(s.carrierName())) {
                pdf.labelled("配送方法", s.carrierName(), BODY, LABEL_WIDTH);
            }
            if (s.deliveryDate() != null) {
                pdf.labelled("お届け希望日", date(s.deliveryDate()), BODY, LABEL_WIDTH);
            }
            if (present(s.timeSlotLabel())) {
                pdf.labelled("お届け時間帯", s.timeSlotLabel(), BODY, LABEL_WIDTH);
            }
        }
    }

    private static final List<SlipDocument.Column> COLUMNS = List.of(
            new SlipDocument.Column("商品コード", 100, false),
            new SlipDocument.Column("商品名", 211.28f, false),
            new SlipDocument.Column("数量", 50, true),
            new SlipDocument.Column("単価", 75, true),
            new SlipDocument.Column("金額", 75, true));

    private void lines(SlipDocument pdf, OrderQueries.Detail order) {
        pdf.section("ご注文明細");
        pdf.tableHeader(COLUMNS, BODY);
        for (OrderQueries.Line l : order.lines()) {
            pdf.tableRow(COLUMNS, List.of(l.productCode(), l.productName(), number(l.quantity()),
                    yen(l.unitPrice()), yen(l.amount())), BODY);
        }
    }

    private void totals(SlipDocument pdf, OrderQueries.Totals t) {
        float labelX = SlipDocument.RIGHT - 230;
        pdf.gap(4);
        pdf.amount("小計", yen(t.subtotal()), BODY, labelX);
        pdf.amount("送料", yen(t.shippingFee()), BODY, labelX);
        if (t.paymentFee() != 0) {
            pdf.amount("手数料", yen(t.paymentFee()), BODY, labelX);
        }
        if (t.coolFee() != 0) {
            pdf.amount("クール便料金", yen(t.coolFee()), BODY, labelX);
        }
        if (t.discount() != 0) {
            pdf.amount("値引き", "-" + yen(t.discount()), BODY, labelX);
        }
        if (t.pointsUsed() != 0) {
            pdf.amount("ポイント利用", "-" + number(t.pointsUsed()) + "pt", BODY, labelX);
        }
        pdf.gap(2);
        pdf.rule(labelX, SlipDocument.RIGHT, 0.6f);
        pdf.amount("合計(税込)", yen(t.total()), 11, labelX);
    }

    private byte[] font() {
        byte[] program = fontProgram;
        if (program == null) {
            try (InputStream in = OrderSlips.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("the slip font " + FONT + " is missing from the classpath");
                }
                program = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fontProgram = program;
        }
        return program;
    }

    private static String attribute(OrderQueries.Detail order, int id) {
        String value = order.attributes() == null ? null : order.attributes().get(id);
        return present(value) ? value : null;
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static String postal(String zipcode, String address) {
        String zip = present(zipcode) ? "〒" + formatZip(zipcode) + " " : "";
        return zip + (address == null ? "" : address);
    }

    private static String formatZip(String zip) {
        return zip.matches("\\d{7}") ? zip.substring(0, 3) + "-" + zip.substring(3) : zip;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static String date(Instant instant) {
        return DATE.format(instant.atZone(OrderQueries.TOKYO));
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    static String yen(long amount) {
        return number(amount) + "円";
    }

    private static String number(long n) {
        return String.format(Locale.JAPAN, "%,d", n);
    }
}
