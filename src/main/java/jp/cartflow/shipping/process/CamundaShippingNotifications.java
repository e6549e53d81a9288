package jp.cartflow.shipping.process;

import jp.cartflow.shipping.ShippingNotificationProcess;
import jp.cartflow.shipping.ShippingNotificationProcess.Var;
import jp.cartflow.shipping.ShippingNotifications;
import jp.cartflow.shop.Carrier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import java.util.List;

/** The engine adapter of {@link ShippingNotifications}. */
@Component
class CamundaShippingNotifications implements ShippingNotifications {

    private final RuntimeService runtime;

    CamundaShippingNotifications(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String startForRegisteredShipment(String orderNo, long orderId, long shipmentId,
                                             boolean includeSubscriptionNo) {
        return runtime.startProcessInstanceByKey(ShippingNotificationProcess.KEY, orderNo, Variables.createVariables()
                .putValue(Var.ORDER_ID, orderId)
                .putValue(Var.ORDER_NO, orderNo)
                .putValue(Var.SHIPMENT_ID, shipmentId)
                .putValue(Var.TRACKING_REGISTERED, true)
                .putValue(Var.INCLUDE_SUBSCRIPTION_NO, includeSubscriptionNo)).getId();
    }

    @Override
    public String startAwaitingTrackingNumber(String orderNo, long orderId, long shipmentId,
                                              boolean includeSubscriptionNo, String carrierCode,
                                              List<Carrier> carriers) {
        StringBuilder options = new StringBuilder("[");
        for (Carrier carrier : carriers) {
            options.append(options.length() > 1 ? "," : "")
                    .append("{\"label\":").append(json(carrier.name()))
                    .append(",\"value\":").append(json(carrier.code())).append('}');
        }
        options.append(']');
        VariableMap variables = Variables.createVariables();
        if (carrierCode != null) {
            variables.putValue(Var.CARRIER_CODE, carrierCode); // the form preselects the shipment's carrier
        }
        return runtime.startProcessInstanceByKey(ShippingNotificationProcess.KEY, orderNo, variables
                .putValue(Var.ORDER_ID, orderId)
                .putValue(Var.ORDER_NO, orderNo)
                .putValue(Var.SHIPMENT_ID, shipmentId)
                .putValue(Var.TRACKING_REGISTERED, false)
                .putValue(Var.INCLUDE_SUBSCRIPTION_NO, includeSubscriptionNo)
                // the carrier choices of the operator form (form-js valuesKey): reference data, not domain data
                .putValueTyped(Var.CARRIER_OPTIONS, SpinValues.jsonValue(options.toString()).create())).getId();
    }

    @Override
    public boolean isRunningFor(long shipmentId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(ShippingNotificationProcess.KEY)
                .variableValueEquals(Var.SHIPMENT_ID, shipmentId)
                .count() > 0;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
