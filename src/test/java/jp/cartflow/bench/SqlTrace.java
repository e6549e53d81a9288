package jp.cartflow.bench;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SQL round trips of what runs while {@link #recording} is on, counted at the JDBC boundary: every
 * {@code execute*} of a statement (a JDBC batch is one round trip, with its row count) and every commit and
 * rollback, of the threads whose name starts with the given prefix (the request threads: no job executor noise).
 * A source of a benchmark's application only ({@code -Dbench.loadSqlTrace=true}): it wraps the application's
 * {@link DataSource} bean in a proxy, so engine (MyBatis) and our JdbcClient statements are seen alike.
 */
final class SqlTrace {

    record Call(String thread, String kind, String sql, int rows) {
    }

    private static volatile String threadPrefix;
    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    private SqlTrace() {
    }

    /** Starts recording the calls of threads named {@code prefix…}; clears what was recorded before. */
    static void start(String prefix) {
        CALLS.clear();
        threadPrefix = prefix;
    }

    /** Stops recording and returns the calls in order. */
    static List<Call> stop() {
        threadPrefix = null;
        return new ArrayList<>(CALLS);
    }

    private static void record(String kind, String sql, int rows) {
        String prefix = threadPrefix;
        String thread = Thread.currentThread().getName();
        if (prefix != null && thread.startsWith(prefix)) {
            CALLS.add(new Call(thread, kind, sql == null ? "" : sql.strip().replaceAll("\\s+", " "), rows));
        }
    }

    /** The calls grouped by statement, most frequent first, as a table. */
    static String table(List<Call> calls) {
        Map<String, int[]> byStatement = new LinkedHashMap<>();
        for (Call c : calls) {
            String text = c.sql().length() > 140 ? c.sql().substring(0, 140) + "…" : c.sql();
            int[] counts = byStatement.computeIfAbsent(c.kind() + " " + text, k -> new int[2]);
            counts[0]++;
            counts[1] += c.rows();
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%d round trips (%d statements executed, %d of them batches; %d commits/rollbacks)%n| round trips | batched rows | statement |%n|---:|---:|---|%n",
                calls.size(), calls.stream().filter(c -> !c.kind().equals("commit") && !c.kind().equals("rollback")).count(),
                calls.stream().filter(c -> c.kind().equals("batch")).count(),
                calls.stream().filter(c -> c.kind().equals("commit") || c.kind().equals("rollback")).count()));
        byStatement.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> out.append(String.format(Locale.ROOT, "| %d | %d | `%s` |%n", e.getValue()[0],
                        e.getValue()[1], e.getKey().replace("|", "\\|"))));
        return out.toString();
    }

    /** Registered as a source of the benchmark's application. */
    static class Wrapping {
        @Bean
        static BeanPostProcessor sqlTraceDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && !(Proxy.isProxyClass(bean.getClass()))
                            ? proxy(DataSource.class, ds, dataSource(ds)) : bean;
                }
            };
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(SqlTrace.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static InvocationHandler dataSource(DataSource target) {
        return (p, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection c ? proxy(Connection.class, c, connection(c)) : result;
        };
    }

    private static InvocationHandler connection(Connection target) {
        return (p, method, args) -> {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback")) {
                record(name, "", 0);
            }
            Object result = invoke(target, method, args);
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            if (result instanceof CallableStatement s) {
                return proxy(CallableStatement.class, s, statement(s, sql));
            }
            if (result instanceof PreparedStatement s) {
                return proxy(PreparedStatement.class, s, statement(s, sql));
            }
            if (result instanceof Statement s) {
                return proxy(Statement.class, s, statement(s, null));
            }
            return result;
        };
    }

    private static InvocationHandler statement(Statement target, String prepared) {
        int[] batched = {0};
        List<String> batch = new ArrayList<>();
        return (p, method, args) -> {
            String name = method.getName();
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
            if (name.equals("addBatch")) {
                batched[0]++;
                if (sql != null && args != null && args.length > 0) {
                    batch.add(sql);
                }
            }
            Object result = invoke(target, method, args);
            if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                record("batch", prepared != null ? prepared : String.join("; ", batch), batched[0]);
                batched[0] = 0;
                batch.clear();
            } else if (name.startsWith("execute")) {
                record(name.equals("executeQuery") ? "query" : "exec", sql, 0);
            }
            return result;
        };
    }
}
