package jp.cartflow.payment.process;

import jp.cartflow.payment.CreditAuthorizationProcess.Var;
import jp.cartflow.payment.CreditAuthorizationService.AuthorizationResult;
import jp.cartflow.payment.PaymentMethods;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;

/** Writes an authorization step's result: the outcome for the gateways, and what the operator form shows. */
final class AuthorizationVariables {

    private AuthorizationVariables() {
    }

    static void write(DelegateExecution execution, AuthorizationResult result) {
        execution.setVariable(Var.AUTHORIZATION_OUTCOME, result.outcome().name());
        execution.setVariable(Var.DECLINE_REASON, result.reason());
        execution.setVariable(Var.AMOUNT_TEXT, result.amountText());
        execution.setVariable(Var.PAYMENT_METHOD_NAME, result.paymentMethodName());
        if (!result.options().isEmpty()) {
            StringBuilder options = new StringBuilder("[");
            for (PaymentMethods.Option option : result.options()) {
                options.append(options.length() > 1 ? "," : "").append("{\"label\":").append(json(option.name()))
                        .append(",\"value\":").append(json(option.code())).append('}');
            }
            // the choices of the operator form (form-js valuesKey): reference data, not domain data
            execution.setVariable(Var.PAYMENT_METHOD_OPTIONS, SpinValues.jsonValue(options.append(']').toString()).create());
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
