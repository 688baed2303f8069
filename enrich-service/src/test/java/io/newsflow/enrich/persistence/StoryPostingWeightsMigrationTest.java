package io.newsflow.enrich.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import io.newsflow.testsupport.FreshDatabase;

/**
 * A store written before V5 (postings without weights) gets every posting's weight backfilled from its story's terms:
 * the story's weight of the term over the story vector's L2 norm, as the story index writes it from then on.
 */
class StoryPostingWeightsMigrationTest {

    private static final String SCHEMA = "enrich";

    @Test
    void existingPostingsGetTheirStorysNormalisedWeights() throws Exception {
        try (FreshDatabase db = FreshDatabase.create("nf_v5_backfill")) {
            migrate(db, MigrationVersion.fromVersion("4"));
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), FreshDatabase.user(), FreshDatabase.password());
                    Statement st = c.createStatement()) {
                // norm of (3, 4) is 5: weights 0.6 and 0.8
                st.execute("""
                        INSERT INTO enrich.story (story_id, first_seen_at, last_updated_at, article_count, terms, weights)
                        VALUES ('s-1', now(), now(), 1, '{a,b}', '{3,4}')""");
                st.execute("INSERT INTO enrich.story_term (term, story_id, last_updated_at) VALUES ('a', 's-1', now()), "
                        + "('b', 's-1', now())");
                migrate(db, MigrationVersion.LATEST);
                Map<String, Double> weights = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT term, weight FROM enrich.story_term ORDER BY term")) {
                    while (rs.next()) {
                        weights.put(rs.getString(1), rs.getDouble(2));
                    }
                }
                assertEquals(0.6, weights.get("a"), 1e-12);
                assertEquals(0.8, weights.get("b"), 1e-12);
                assertEquals(2, weights.size());
            }
        }
    }

    private static void migrate(FreshDatabase db, MigrationVersion target) {
        Flyway.configure().dataSource(db.jdbcUrl(), FreshDatabase.user(), FreshDatabase.password()).schemas(SCHEMA)
                .defaultSchema(SCHEMA).locations("classpath:db/migration").target(target).load().migrate();
    }
}
