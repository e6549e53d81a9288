package jp.cartflow.shipping.process;

import jp.cartflow.platform.engine.ProcessActors;
import jp.cartflow.shipping.ShipmentService;
import jp.cartflow.shipping.ShippingNotificationProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import jp.cartflow.platform.errors.DomainException;
import java.time.ZoneId;
import java.util.Date;

/** 出荷を記録する: stores what the operator entered in "伝票番号を登録する". Refused input fails the completion. */
@Component("recordShipmentDelegate")
class RecordShipmentDelegate implements JavaDelegate {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-M-d");

    private final ShipmentService shipments;

    RecordShipmentDelegate(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        shipments.recordFromOperator(
                ((Number) execution.getVariable(Var.ORDER_ID)).longValue(),
                ((Number) execution.getVariable(Var.SHIPMENT_ID)).longValue(),
                (String) execution.getVariable(Var.CARRIER_CODE),
                (String) execution.getVariable(Var.TRACKING_NUMBER),
                date(execution.getVariable(Var.SHIPPED_DATE)),
                ProcessActors.of(execution));
        execution.setVariable(Var.TRACKING_REGISTERED, true);
    }

    /** The operator types 2026/11/30 or 2026-11-30 (Tokyo date); the REST API may send a Date. */
    static LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        }
        String text = value.toString().strip().replace('/', '-');
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text, DAY);
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalid(Var.SHIPPED_DATE, "出荷日は 2026/11/30 の形で入力してください / shipped date must look like 2026/11/30");
        }
    }
}
