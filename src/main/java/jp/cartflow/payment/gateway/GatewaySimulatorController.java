package jp.cartflow.payment.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's HTTP face: {@code /simulator/{zeus|sbps|np}/...} exactly as the adapters call a real
 * gateway, plus {@code POST /simulator/{gateway}/admin/orders/{orderNo}/status} (the gateway's own admin
 * screen). Only present when {@code cartflow.payment.simulator.enabled=true} (demo profile, tests).
 */
@RestController
@Hidden
@RequestMapping("/simulator/{gateway:zeus|sbps|np}")
@ConditionalOnProperty(name = "cartflow.payment.simulator.enabled", havingValue = "true")
class GatewaySimulatorController {

    private final GatewaySimulator simulator;
    private final ObjectMapper json;

    GatewaySimulatorController(GatewaySimulator simulator, ObjectMapper json) {
        this.simulator = simulator;
        this.json = json;
    }

    @PostMapping("/{operation:authorize|capture|cancel|change-amount}")
    ResponseEntity<String> operate(@PathVariable String gateway, @PathVariable String operation,
                                   @RequestHeader(name = HttpCreditGateway.IDEMPOTENCY_KEY, required = false) String key,
                                   @RequestBody String body) throws IOException {
        GatewayOperation op = switch (operation) {
            case "authorize" -> GatewayOperation.AUTHORIZE;
            case "capture" -> GatewayOperation.CAPTURE;
            case "cancel" -> GatewayOperation.CANCEL;
            default -> GatewayOperation.CHANGE_AMOUNT;
        };
        JsonNode request = json.readTree(body);
        return answer(simulator.handle(gateway(gateway), op, key, request));
    }

    @GetMapping("/status/{orderNo}")
    ResponseEntity<String> status(@PathVariable String gateway, @PathVariable String orderNo) {
        return answer(simulator.status(gateway(gateway), orderNo));
    }

    /**
     * Body {@code {"status":"SALES"}} (the gateway's own status code), {@code {"amount":4980}}, or both: a change
     * made in the gateway's admin screen.
     */
    @PostMapping("/admin/orders/{orderNo}/status")
    ResponseEntity<String> changeStatus(@PathVariable String gateway, @PathVariable String orderNo,
                                        @RequestBody Map<String, Object> body) {
        try {
            if (body.get("status") != null || !body.containsKey("amount")) {
                simulator.changeStatus(gateway(gateway), orderNo, String.valueOf(body.get("status")));
            }
            if (body.get("amount") instanceof Number amount) {
                simulator.changeAmount(gateway(gateway), orderNo, amount.longValue());
            } else if (body.containsKey("amount")) {
                throw new IllegalArgumentException("amount must be a number");
            }
        } catch (IllegalArgumentException e) {
            return answer(new GatewaySimulator.Reply(400, json.createObjectNode().put("message", e.getMessage()).toString()));
        }
        return answer(simulator.status(gateway(gateway), orderNo));
    }

    private static Gateway gateway(String path) {
        return Gateway.valueOf(path.toUpperCase(Locale.ROOT));
    }

    private static ResponseEntity<String> answer(GatewaySimulator.Reply reply) {
        MediaType type = reply.body().startsWith("<") ? MediaType.TEXT_HTML : MediaType.APPLICATION_JSON;
        return ResponseEntity.status(reply.status()).contentType(type).body(reply.body());
    }
}
