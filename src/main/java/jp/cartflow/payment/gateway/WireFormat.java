package jp.cartflow.payment.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One gateway's JSON dialect: field names and code tables. Every gateway shares the same shape (POST
 * {@code {base}/{operation}} with a JSON body and an {@code Idempotency-Key} header, GET
 * {@code {base}/status/{orderNo}}), documented per gateway in docs/payments.md. The adapter and the
 * simulator both read and write through this one definition.
 *
 * @param orderNoField field of our order number
 * @param amountField  field of the amount (yen)
 * @param tokenField   field of the card-on-file token; null when the gateway takes no card (NP)
 * @param refField     field of the gateway's transaction id
 * @param resultField  field of the call's result code
 * @param approvedCode result code: approved
 * @param declinedCode result code: declined
 * @param pendingCode  result code: pending (NP screening); null when the gateway has none
 * @param reasonField  field of the decline reason code
 * @param messageField field of the human-readable message
 * @param statusField  field of the gateway-side status of the order
 * @param states       the gateway's status codes and what they mean to us
 */
record WireFormat(String orderNoField, String amountField, String tokenField, String refField,
                         String resultField, String approvedCode, String declinedCode, String pendingCode,
                         String reasonField, String messageField, String statusField,
                         Map<String, GatewayState> states) {

    public WireFormat {
        states = Map.copyOf(states);
    }

    /** The request body of an operation. */
    public Map<String, Object> requestBody(GatewayRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(orderNoField, request.orderNo());
        body.put(amountField, request.amount());
        if (tokenField != null && request.cardToken() != null) {
            body.put(tokenField, request.cardToken());
        }
        if (request.gatewayRef() != null) {
            body.put(refField, request.gatewayRef());
        }
        return body;
    }

    /** The gateway's code for one of our states (the simulator answers with it). */
    public String codeOf(GatewayState state) {
        return states.entrySet().stream().filter(e -> e.getValue() == state).map(Map.Entry::getKey)
                .sorted().findFirst().orElseThrow(() -> new IllegalArgumentException("no code for " + state));
    }

    /** Reads a reply; empty when it is not one this gateway would send. */
    public Optional<GatewayResult> parse(JsonNode reply) {
        if (reply == null || !reply.isObject() || !reply.path(resultField).isTextual()) {
            return Optional.empty();
        }
        String result = reply.path(resultField).asText();
        GatewayResult.Outcome outcome;
        if (result.equals(approvedCode)) {
            outcome = GatewayResult.Outcome.APPROVED;
        } else if (result.equals(declinedCode)) {
            outcome = GatewayResult.Outcome.DECLINED;
        } else if (pendingCode != null && result.equals(pendingCode)) {
            outcome = GatewayResult.Outcome.PENDING;
        } else {
            return Optional.empty();
        }
        String status = text(reply, statusField);
        GatewayState state = status == null ? null : states.get(status);
        if (status != null && state == null) {
            return Optional.empty();
        }
        String reason = null;
        if (outcome == GatewayResult.Outcome.DECLINED) {
            String code = text(reply, reasonField);
            String message = text(reply, messageField);
            reason = code == null ? (message == null ? "declined" : message)
                    : message == null ? code : code + " " + message;
        }
        JsonNode amount = reply.get(amountField);
        return Optional.of(new GatewayResult(outcome, text(reply, refField), status, state, reason,
                amount != null && amount.canConvertToLong() ? amount.asLong() : null));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
