package io.newsflow.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A throw-away PostgreSQL database on the local server: created on {@link #create()}, dropped (with its
 * connections) on {@link #close()}, so concurrent test runs never collide.
 * Server and admin user come from NEWSFLOW_TEST_PG_HOST/PORT/USER/PASSWORD (default 127.0.0.1:5432, postgres).
 */
public final class FreshDatabase implements AutoCloseable {

    private final String name;

    private FreshDatabase(String name) {
        this.name = name;
    }

    public static FreshDatabase create(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return new FreshDatabase(name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + name;
    }

    public static String user() {
        return env("NEWSFLOW_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("NEWSFLOW_TEST_PG_PASSWORD", "");
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        String adminUrl = "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, user(), password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host() + ":" + port() + " refused '" + sql
                    + "': " + e.getMessage() + " (is it running? pg_ctlcluster --skip-systemctl-redirect 15 main start)",
                    e);
        }
    }

    private static String host() {
        return env("NEWSFLOW_TEST_PG_HOST", "127.0.0.1");
    }

    private static String port() {
        return env("NEWSFLOW_TEST_PG_PORT", "5432");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
