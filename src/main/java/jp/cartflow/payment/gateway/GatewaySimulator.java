package jp.cartflow.payment.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process stand-in for Zeus, SB Payment Service and NP (demo profile and tests), speaking each
 * gateway's dialect ({@link WireFormat}). Behaviour by pattern (docs/payments.md, "Simulator"):
 * <ul>
 *   <li>amount ending in {@code 500}: HTTP 500; {@code 408}: answers after {@code slow-delay} (beyond a
 *       short read timeout); {@code 422}: a 200 reply that is not JSON;</li>
 *   <li>amount ending in {@code 402}, or a card token containing {@code decline}: declined;</li>
 *   <li>NP, amount ending in {@code 202}: screening pending ({@code HOLD});</li>
 *   <li>otherwise approved.</li>
 * </ul>
 * Every call is counted per idempotency key; a key seen before gets the stored reply again without
 * charging again, so tests can prove "charged once". {@link #changeStatus} is a change made "in the
 * gateway's own admin screen".
 */
@Component
@ConditionalOnProperty(name = "cartflow.payment.simulator.enabled", havingValue = "true")
public class GatewaySimulator {

    public record Reply(int status, String body) {
    }

    private record Transaction(String ref, String statusCode, long amount) {
    }

    private final ObjectMapper json;
    private final Duration slowDelay;
    /** Added to every answer, like a real gateway's round trip (the benchmark uses 50 ms). */
    private final Duration latency;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> charges = new ConcurrentHashMap<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<Gateway, Map<String, Transaction>> transactions = new ConcurrentHashMap<>();

    GatewaySimulator(ObjectMapper json, @Value("${cartflow.payment.simulator.slow-delay:3s}") Duration slowDelay,
                     @Value("${cartflow.payment.simulator.latency:0ms}") Duration latency) {
        this.latency = latency;
        this.json = json;
        this.slowDelay = slowDelay;
    }

    public static WireFormat wire(Gateway gateway) {
        return switch (gateway) {
            case ZEUS -> ZeusCardGateway.WIRE;
            case SBPS -> SbpsCardGateway.WIRE;
            case NP -> NpDeferredGateway.WIRE;
        };
    }

    /** How many requests carried this idempotency key (replays included). */
    public int calls(String idempotencyKey) {
        AtomicInteger count = calls.get(idempotencyKey);
        return count == null ? 0 : count.get();
    }

    /** How many times a request with this key moved money (0 or 1). */
    public int charges(String idempotencyKey) {
        AtomicInteger count = charges.get(idempotencyKey);
        return count == null ? 0 : count.get();
    }

    /** The gateway-side status code of an order, or null. */
    public String statusOf(Gateway gateway, String orderNo) {
        Transaction t = ledger(gateway).get(orderNo);
        return t == null ? null : t.statusCode();
    }

    /** A change made in the gateway's own admin screen (e.g. Zeus: {@code SALES}). */
    public void changeStatus(Gateway gateway, String orderNo, String statusCode) {
        if (!wire(gateway).states().containsKey(statusCode)) {
            throw new IllegalArgumentException("unknown " + gateway + " status " + statusCode + " (known: "
                    + wire(gateway).states().keySet() + ")");
        }
        ledger(gateway).compute(orderNo, (no, t) -> t == null
                ? new Transaction(newRef(gateway), statusCode, 0) : new Transaction(t.ref(), statusCode, t.amount()));
    }

    /** An amount changed in the gateway's own admin screen (e.g. a partial refund done there). */
    public void changeAmount(Gateway gateway, String orderNo, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (ledger(gateway).computeIfPresent(orderNo, (no, t) -> new Transaction(t.ref(), t.statusCode(), amount)) == null) {
            throw new IllegalArgumentException("no " + gateway + " transaction for " + orderNo);
        }
    }

    public Reply status(Gateway gateway, String orderNo) {
        WireFormat wire = wire(gateway);
        Transaction t = ledger(gateway).get(orderNo);
        if (t == null) {
            return new Reply(404, "{\"message\":\"no such transaction\"}");
        }
        ObjectNode body = json.createObjectNode().put(wire.resultField(), wire.approvedCode())
                .put(wire.orderNoField(), orderNo).put(wire.refField(), t.ref()).put(wire.statusField(), t.statusCode())
                .put(wire.amountField(), t.amount());
        return new Reply(200, body.toString());
    }

    public Reply handle(Gateway gateway, GatewayOperation operation, String key, JsonNode request) {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (key == null || key.isBlank()) {
            return new Reply(400, "{\"message\":\"Idempotency-Key is required\"}");
        }
        calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        Reply earlier = replies.get(key);
        if (earlier != null) {
            return earlier;
        }
        WireFormat wire = wire(gateway);
        long amount = request.path(wire.amountField()).asLong(-1);
        String orderNo = request.path(wire.orderNoField()).asText("");
        if (amount < 0 || orderNo.isBlank()) {
            return new Reply(400, "{\"message\":\"order number and amount are required\"}");
        }
        switch ((int) (amount % 1000)) {
            case 500 -> {
                return new Reply(500, "{\"message\":\"internal error\"}");
            }
            case 422 -> {
                return new Reply(200, "<html><body>メンテナンス中</body></html>");
            }
            case 408 -> sleep();
            default -> { }
        }
        synchronized (this) {
            Reply reply = replies.get(key);
            if (reply == null) {
                reply = apply(gateway, wire, operation, key, orderNo, amount, request);
                replies.put(key, reply);
            }
            return reply;
        }
    }

    private Reply apply(Gateway gateway, WireFormat wire, GatewayOperation operation, String key, String orderNo,
                        long amount, JsonNode request) {
        Map<String, Transaction> ledger = ledger(gateway);
        Transaction current = ledger.get(orderNo);
        if (operation == GatewayOperation.AUTHORIZE) {
            String token = wire.tokenField() == null ? "" : request.path(wire.tokenField()).asText("");
            if (token.contains("decline") || amount % 1000 == 402) {
                ledger.put(orderNo, new Transaction(newRef(gateway), wire.codeOf(GatewayState.DECLINED), amount));
                return declined(wire, orderNo, "G12", "カードが利用できません / card not accepted");
            }
            boolean hold = gateway == Gateway.NP && amount % 1000 == 202;
            Transaction t = new Transaction(newRef(gateway),
                    wire.codeOf(hold ? GatewayState.PENDING : GatewayState.AUTHORIZED), amount);
            ledger.put(orderNo, t);
            charged(key);
            return ok(wire, hold ? wire.pendingCode() : wire.approvedCode(), orderNo, t);
        }
        GatewayState state = current == null ? GatewayState.UNKNOWN : wire.states().get(current.statusCode());
        GatewayState next = switch (operation) {
            case CAPTURE -> state == GatewayState.AUTHORIZED ? GatewayState.CAPTURED : null;
            case CANCEL -> state == GatewayState.AUTHORIZED || state == GatewayState.CAPTURED
                    ? GatewayState.CANCELLED : null;
            case CHANGE_AMOUNT -> state == GatewayState.AUTHORIZED || state == GatewayState.CAPTURED ? state : null;
            default -> null;
        };
        if (next == null) {
            return declined(wire, orderNo, "S01", "この取引の状態では実行できません / not allowed in state " + state);
        }
        Transaction t = new Transaction(current.ref(), wire.codeOf(next),
                operation == GatewayOperation.CHANGE_AMOUNT ? amount : current.amount());
        ledger.put(orderNo, t);
        charged(key);
        return ok(wire, wire.approvedCode(), orderNo, t);
    }

    private void charged(String key) {
        charges.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private Reply ok(WireFormat wire, String result, String orderNo, Transaction t) {
        return new Reply(200, json.createObjectNode().put(wire.resultField(), result).put(wire.orderNoField(), orderNo)
                .put(wire.refField(), t.ref()).put(wire.statusField(), t.statusCode()).toString());
    }

    private Reply declined(WireFormat wire, String orderNo, String code, String message) {
        return new Reply(200, json.createObjectNode().put(wire.resultField(), wire.declinedCode())
                .put(wire.orderNoField(), orderNo).put(wire.reasonField(), code).put(wire.messageField(), message)
                .toString());
    }

    private Map<String, Transaction> ledger(Gateway gateway) {
        return transactions.computeIfAbsent(gateway, g -> new ConcurrentHashMap<>());
    }

    private static String newRef(Gateway gateway) {
        return gateway.name().charAt(0) + UUID.randomUUID().toString().replace("-", "").substring(0, 15).toUpperCase();
    }

    private void sleep() {
        try {
            Thread.sleep(slowDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
