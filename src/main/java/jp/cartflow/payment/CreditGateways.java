package jp.cartflow.payment;

import jp.cartflow.payment.gateway.CreditGateway;
import jp.cartflow.payment.gateway.Gateway;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The adapter of each gateway. */
@Component
class CreditGateways {

    private final Map<Gateway, CreditGateway> byGateway = new EnumMap<>(Gateway.class);

    CreditGateways(List<CreditGateway> gateways) {
        gateways.forEach(g -> byGateway.put(g.gateway(), g));
    }

    public CreditGateway of(Gateway gateway) {
        CreditGateway adapter = byGateway.get(gateway);
        if (adapter == null) {
            throw new IllegalStateException("no adapter for gateway " + gateway);
        }
        return adapter;
    }
}
