package io.newsflow.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Gives a Quarkus test its own fresh PostgreSQL database on the local server; dropped at the end. */
public class PostgresDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private FreshDatabase database;

    @Override
    public Map<String, String> start() {
        database = FreshDatabase.create("newsflow_test");
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", FreshDatabase.user(),
                "quarkus.datasource.password", FreshDatabase.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
