package jp.cartflow.bench;

import jp.cartflow.testsupport.TestDatabases;

import java.util.LinkedHashMap;
import java.util.Map;

/** Command-line arguments for a benchmark's application on a fresh PostgreSQL database, on free ports. */
final class BenchApplications {

    private BenchApplications() {
    }

    /** The database, a free HTTP port and free demo mail ports, then {@code extra} (which may override them). */
    static String[] onFreshPostgres(Map<String, Object> extra) {
        TestDatabases.Database db = TestDatabases.createPostgres();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", db.url());
        properties.put("spring.datasource.username", db.user());
        properties.put("spring.datasource.password", db.password());
        properties.put("server.port", 0);
        properties.put("cartflow.demo.mail.smtp-port", TestDatabases.freePort());
        properties.put("cartflow.demo.mail.pop3-port", TestDatabases.freePort());
        properties.putAll(extra);
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
