package jp.cartflow.platform.engine;

import java.util.Map;

/**
 * What an operator needs to see on a task about the order it concerns (customer, amount, address), read fresh
 * from the owning tables when the task is created. The values become task-local display variables: the processes
 * themselves keep carrying only ids and numbers, and a task's facts are gone from the runtime when it completes.
 * Implemented by the package that owns the order.
 */
public interface OperatorTaskFacts {

    /** Display values by variable name ({@code customerName}, {@code amountText}, …); empty when the order is unknown. */
    Map<String, Object> forOrder(String orderNo);
}
