package jp.cartflow.platform.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocks CVE-2026-109432 inside the engine, where every transport meets: {@code /engine-rest}, the
 * webapps' engine API, the Java API and stored filters all end in an engine command. A command
 * interceptor (placed after the engine opens its command context) refuses, before the command runs:
 * <ul>
 *   <li>a query command carrying an expression: the query itself and, for task queries, every
 *       or-query at any depth, in every expression field (the engine keeps them all in one map per
 *       query, so no field can be forgotten);</li>
 *   <li>saving a filter (create and update) whose query carries an expression anywhere;</li>
 *   <li>executing a filter (list, page, count, single result) when the stored query or the query it
 *       is extended with carries an expression anywhere — filters stored before this guard included.</li>
 * </ul>
 * The refusal is a {@link BadUserRequestException} (HTTP 400 on the REST APIs) and the transaction is
 * rolled back, so nothing is evaluated, saved or executed. The engine's own switches
 * ({@code enableExpressionsInAdhocQueries}, {@code enableExpressionsInStoredQueries}) are both off as
 * well; they only look at the top-level query, which is why this guard exists. See docs/adr/0006.
 */
class TaskQueryExpressionGuard extends AbstractProcessEnginePlugin {

    static final String REFUSAL = "CVE-2026-109432 guard: expressions are not allowed in task queries";
    private static final Logger log = LoggerFactory.getLogger(TaskQueryExpressionGuard.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(false);
        configuration.setCustomPostCommandInterceptorsTxRequired(
                withGuard(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                withGuard(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> withGuard(List<CommandInterceptor> existing) {
        List<CommandInterceptor> interceptors = new ArrayList<>(existing == null ? List.of() : existing);
        interceptors.add(new Interceptor());
        return interceptors;
    }

    /** Checks each command before it runs (inside its command context, so stored filters can be read). */
    static final class Interceptor extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            check(command);
            return next.execute(command);
        }
    }

    static void check(Object command) {
        if (command instanceof AbstractQuery<?, ?> query) {
            refuseExpressions(query, "query");
        } else if (command instanceof SaveFilterCmd save) {
            Filter filter = (Filter) read(save, SaveFilterCmd.class, "filter");
            if (filter != null && filter.getQuery() instanceof AbstractQuery<?, ?> query) {
                refuseExpressions(query, "filter query");
            }
        } else if (command instanceof AbstractExecuteFilterCmd execute) {
            checkFilterExecution(execute);
        }
    }

    private static void checkFilterExecution(AbstractExecuteFilterCmd execute) {
        String filterId = (String) read(execute, AbstractExecuteFilterCmd.class, "filterId");
        FilterEntity stored = filterId == null ? null
                : Context.getCommandContext().getFilterManager().findFilterById(filterId);
        if (stored != null && stored.getQuery() instanceof AbstractQuery<?, ?> query) {
            refuseExpressions(query, "stored filter query");
        }
        if (read(execute, AbstractExecuteFilterCmd.class, "extendingQuery") instanceof AbstractQuery<?, ?> query) {
            refuseExpressions(query, "extending query");
        }
    }

    /** The query, and for task queries each of its or-queries (recursively), must carry no expression. */
    static void refuseExpressions(AbstractQuery<?, ?> query, String where) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        refuse(query, where, seen);
    }

    private static void refuse(AbstractQuery<?, ?> query, String where, Set<Object> seen) {
        if (!seen.add(query)) {
            return;
        }
        Map<String, String> expressions = query.getExpressions();
        if (expressions != null && !expressions.isEmpty()) {
            String field = expressions.keySet().iterator().next();
            log.warn("Refused a {} carrying an expression in {} (CVE-2026-109432 guard)", where, field);
            throw new BadUserRequestException(REFUSAL + " (" + where + ", field " + field + ")");
        }
        if (query instanceof TaskQueryImpl task && task.getQueries() != null) {
            int index = 0;
            for (TaskQueryImpl or : task.getQueries()) {
                refuse(or, index == 0 ? where : where + ", or-query " + index, seen);
                index++;
            }
        }
    }

    private static Object read(Object target, Class<?> declaring, String name) {
        try {
            Field field = declaring.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException e) {
            // an engine upgrade renamed the field: refuse rather than let an unchecked command through
            throw new IllegalStateException("CVE-2026-109432 guard cannot inspect " + declaring.getName() + "." + name, e);
        }
    }
}
