package jp.cartflow.shipping;

import jp.cartflow.mail.Mails;
import jp.cartflow.mail.Sender;
import jp.cartflow.mail.TemplatedMail;
import jp.cartflow.mail.bounce.BounceRegistry;
import jp.cartflow.mail.taglanguage.TemplateKey;
import jp.cartflow.order.Order;
import jp.cartflow.order.OrderMailContexts;
import jp.cartflow.order.OrderRepository;
import jp.cartflow.order.Shipment;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.shop.Carrier;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Registering shipments and notifying the customer (shipping-complete mail, MAIL-1/2, BNC-2/3, SUB-30).
 * Every write happens in the caller's transaction together with the engine's: a registration and the
 * start of its notification commit together or not at all.
 */
@Service
public class ShipmentService {

    /** The general shape of a tracking number; each carrier narrows it with its own pattern. */
    public static final Pattern TRACKING_NUMBER = Pattern.compile("[0-9A-Za-z-]{6,20}");

    private final ShopDirectory shops;
    private final OrderRepository orders;
    private final ShippingNotifications notifications;
    private final BounceRegistry bounces;
    private final Mails mails;
    private final OrderMailContexts mailContexts;
    private final Clock clock;

    public ShipmentService(ShopDirectory shops, OrderRepository orders, ShippingNotifications notifications,
                           BounceRegistry bounces, Mails mails, OrderMailContexts mailContexts,
                           Clock clock) {
        this.shops = shops;
        this.orders = orders;
        this.notifications = notifications;
        this.bounces = bounces;
        this.mails = mails;
        this.mailContexts = mailContexts;
        this.clock = clock;
    }

    /** What a backend sends when a parcel left the warehouse. */
    public record Registration(String carrierCode, List<String> trackingNumbers, LocalDate shippedDate,
                               Integer shipmentNo, boolean includeSubscriptionNo) {
    }

    public record Registered(String orderNo, long shipmentId, int shipmentNo, String processInstanceId) {
    }

    /** A backend registers a shipment (carrier, tracking numbers, shipped date) and the notification starts. */
    @Transactional
    public Registered register(String orderNo, Registration registration, String actor) {
        Shop shop = shops.current();
        Order order = lockOrder(shop, orderNo);
        Shipment shipment = shipmentToRegister(order, registration.shipmentNo());
        Carrier carrier = carrier(shop, registration.carrierCode(), "carrierCode");
        List<String> numbers = validTrackingNumbers(carrier, registration.trackingNumbers(), "trackingNumbers");
        LocalDate shippedDate = validShippedDate(registration.shippedDate(), "shippedDate");
        if (notifications.isRunningFor(shipment.id())) {
            throw DomainException.conflict("shipmentNo", "an operator task is already waiting for the tracking number of "
                    + "shipment " + shipment.shipmentNo() + " of order " + orderNo);
        }
        record(order, shipment, carrier, numbers, shippedDate, actor);
        String instance = notifications.startForRegisteredShipment(orderNo, order.id(), shipment.id(),
                registration.includeSubscriptionNo());
        return new Registered(orderNo, shipment.id(), shipment.shipmentNo(), instance);
    }

    /** Starts a notification that waits for an operator to enter the tracking number in Tasklist. */
    @Transactional
    public Registered requestTrackingNumber(String orderNo, Integer shipmentNo, boolean includeSubscriptionNo,
                                            String actor) {
        Shop shop = shops.current();
        Order order = lockOrder(shop, orderNo);
        Shipment shipment = shipmentToRegister(order, shipmentNo);
        if (notifications.isRunningFor(shipment.id())) {
            throw DomainException.conflict("shipmentNo", "a shipping notification is already running for shipment "
                    + shipment.shipmentNo() + " of order " + orderNo);
        }
        orders.appendEvent(order.id(), actor, "TRACKING_NUMBER_REQUESTED",
                "shipment " + shipment.shipmentNo(), clock.instant());
        String instance = notifications.startAwaitingTrackingNumber(orderNo, order.id(), shipment.id(),
                includeSubscriptionNo, shops.carriers(shop.id()));
        return new Registered(orderNo, shipment.id(), shipment.shipmentNo(), instance);
    }

    /** The operator entered carrier, tracking number and shipped date in Tasklist ("伝票番号を登録する"). */
    @Transactional
    public void recordFromOperator(long orderId, long shipmentId, String carrierCode, String trackingNumber,
                                   LocalDate shippedDate, String actor) {
        Order order = orders.lock(orderId);
        Shop shop = shops.byId(order.shopId());
        Shipment shipment = orders.shipments(orderId).stream().filter(s -> s.id() == shipmentId).findFirst()
                .orElseThrow(() -> new IllegalStateException("shipment " + shipmentId + " is not part of order " + orderId));
        if (shipment.hasTrackingNumbers()) {
            throw DomainException.conflict("trackingNumber", "この出荷には伝票番号が登録済みです / tracking number already registered");
        }
        Carrier carrier = carrier(shop, carrierCode, "carrierCode");
        List<String> numbers = validTrackingNumbers(carrier, trackingNumber == null ? null : List.of(trackingNumber.strip()),
                "trackingNumber");
        record(order, shipment, carrier, numbers, validShippedDate(shippedDate, "shippedDate"), actor);
    }

    /** BNC-2: is the customer's address flagged? */
    public Optional<BounceRegistry.Flag> recipientBounce(long orderId) {
        Order order = orders.get(orderId);
        return bounces.flag(order.shopId(), order.email());
    }

    /** Renders the shipping-complete mail and puts it in the outbox; returns the outbox id. */
    @Transactional
    public long queueShippingMail(long orderId, boolean includeSubscriptionNo, String actor, boolean bounceOverridden) {
        Order order = orders.get(orderId);
        Shop shop = shops.byId(order.shopId());
        long outboxId = mails.queue(TemplatedMail.of(shop.id(), TemplateKey.SHIPPING_COMPLETE,
                        mailContexts.forOrder(shop, order, includeSubscriptionNo), Sender.shop(shop),
                        List.of(order.email()))
                .aboutOrder(order.id()).sentByItsProcess());
        orders.appendEvent(order.id(), actor, "SHIPPING_MAIL_QUEUED", (bounceOverridden
                ? "宛先のバウンス警告を確認のうえ送信 / sent despite bounce warning; " : "")
                + "outbox " + outboxId + " → " + order.email(), clock.instant());
        return outboxId;
    }

    /** The operator decided not to mail a bounced address. */
    @Transactional
    public void recordMailWithheld(long orderId, String actor) {
        Order order = orders.get(orderId);
        orders.appendEvent(orderId, actor, "SHIPPING_MAIL_WITHHELD",
                "バウンス履歴のため発送メールを送信しない / not sent to bounced address " + order.email(), clock.instant());
    }

    private Order lockOrder(Shop shop, String orderNo) {
        Order order = orders.findByOrderNo(shop.id(), orderNo)
                .orElseThrow(() -> DomainException.notFound("order " + orderNo, "orderNo"));
        order = orders.lock(order.id());
        if ("CANCELLED".equals(order.status())) {
            throw DomainException.conflict("orderNo", "order " + orderNo + " is cancelled");
        }
        return order;
    }

    private Shipment shipmentToRegister(Order order, Integer shipmentNo) {
        List<Shipment> shipments = orders.shipments(order.id());
        if (shipmentNo != null) {
            Shipment chosen = shipments.stream().filter(s -> s.shipmentNo() == shipmentNo).findFirst()
                    .orElseThrow(() -> DomainException.invalid("shipmentNo",
                            "order " + order.orderNo() + " has no shipment " + shipmentNo));
            if (chosen.hasTrackingNumbers()) {
                throw DomainException.conflict("shipmentNo", "shipment " + shipmentNo + " of order " + order.orderNo()
                        + " is registered already (tracking numbers " + chosen.trackingNumbers() + ")");
            }
            return chosen;
        }
        if (shipments.isEmpty()) {
            throw DomainException.conflict("orderNo", "order " + order.orderNo() + " has no shipment to register");
        }
        return shipments.stream().filter(s -> !s.hasTrackingNumbers()).findFirst()
                .orElseThrow(() -> DomainException.conflict("orderNo", "every shipment of order " + order.orderNo()
                        + " is registered already"));
    }

    private Carrier carrier(Shop shop, String code, String field) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalid(field, "配送業者を指定してください / carrier is required");
        }
        return shops.carrier(shop.id(), code)
                .orElseThrow(() -> DomainException.invalid(field, "unknown carrier '" + code + "' (known: "
                        + shops.carriers(shop.id()).stream().map(Carrier::code).toList() + ")"));
    }

    private static List<String> validTrackingNumbers(Carrier carrier, List<String> numbers, String field) {
        if (numbers == null || numbers.isEmpty()) {
            throw DomainException.invalid(field, "伝票番号を入力してください / at least one tracking number is required");
        }
        List<String> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i) == null ? "" : numbers.get(i).strip();
            String at = numbers.size() == 1 && !field.endsWith("s") ? field : field + "[" + i + "]";
            if (!TRACKING_NUMBER.matcher(number).matches()) {
                throw DomainException.invalid(at, "伝票番号は半角英数字とハイフンで6〜20文字です / tracking number must be "
                        + "6-20 letters, digits or hyphens: '" + number + "'");
            }
            if (!carrier.acceptsTrackingNumber(number)) {
                throw DomainException.invalid(at, carrier.name() + "の伝票番号の形式ではありません / not a " + carrier.code()
                        + " tracking number (expected " + carrier.trackingNumberPattern() + "): '" + number + "'");
            }
            if (!seen.add(number)) {
                throw DomainException.invalid(at, "duplicate tracking number '" + number + "'");
            }
            valid.add(number);
        }
        return valid;
    }

    private LocalDate validShippedDate(LocalDate date, String field) {
        if (date == null) {
            throw DomainException.invalid(field, "出荷日を入力してください / shipped date is required");
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw DomainException.invalid(field, "出荷日が未来の日付です / shipped date is in the future: " + date);
        }
        return date;
    }

    private void record(Order order, Shipment shipment, Carrier carrier, List<String> numbers, LocalDate shippedDate,
                        String actor) {
        orders.recordShipped(order.id(), shipment.id(), carrier.id(), shippedDate, numbers, clock.instant());
        orders.appendEvent(order.id(), actor, "SHIPMENT_REGISTERED", "shipment " + shipment.shipmentNo() + ": "
                + carrier.name() + " " + String.join(", ", numbers) + " (shipped " + shippedDate + ")", clock.instant());
    }
}
