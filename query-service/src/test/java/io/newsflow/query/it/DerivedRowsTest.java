package io.newsflow.query.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EntityMention;
import io.newsflow.query.persistence.ArticleStore;
import io.newsflow.query.persistence.BulkArticleWriter;
import io.newsflow.query.persistence.StoreOutcome;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The single upsert (Kafka consumer) and the bulk path write the same derived rows for the same articles: the
 * row's entity set as the stored jsonb gives it under the entity id rule (entity_id_for), story aggregates, stream
 * order and the search configurations seen. Real database; the articles of each path have their own ids and stories.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL)
class DerivedRowsTest {

    /** The entities the stored jsonb of an article gives (the rule of V2's article_entity rows, mentions aside). */
    private static final String FROM_JSONB = """
            SELECT query.entity_id_for(e->>'type', e->>'name', e->>'canonicalId'), min(e->>'type'), min(e->>'name'),
                   lower(min(e->>'name'))
            FROM query.article a CROSS JOIN LATERAL jsonb_array_elements(a.entities) e
            WHERE a.id = ? AND e->>'type' IS NOT NULL AND nullif(btrim(e->>'name'), '') IS NOT NULL
            GROUP BY a.id, 1 ORDER BY 1
            """;
    /** The entity set the row carries (V8): one element per entity id. */
    private static final String STORED = """
            SELECT e.id, e.type, e.name, lower(e.name)
            FROM query.article a CROSS JOIN LATERAL unnest((a.entity_set).ids, (a.entity_set).types,
                 (a.entity_set).names) AS e(id, type, name)
            WHERE a.id = ? ORDER BY 1
            """;
    /** The keys the entity filter looks up (GIN-indexed). */
    private static final String KEYS = "SELECT k FROM query.article a CROSS JOIN LATERAL unnest((a.entity_set).keys) k"
            + " WHERE a.id = ?";

    @Inject
    ArticleStore store;

    @Inject
    AgroalDataSource dataSource;

    /** Mentions that meet every branch of the rule: same id from other names, blanks, no type, NUL, non-ASCII. */
    private static List<EntityMention> trickyMentions() {
        return List.of(new EntityMention("COUNTRY", "Japan", "JP", 2),
                new EntityMention("COUNTRY", "Nippon", " JP ", 5),
                new EntityMention("COUNTRY", "Japan", "JP", 2),
                new EntityMention("PERSON", "Joe Biden", null, 1),
                new EntityMention("PERSON", "joe  biden!", null, 3),
                new EntityMention("ORG", "São Paulo FC", null, 1),
                new EntityMention("LOCATION", "  ", null, 4),
                new EntityMention(null, "Nobody", null, 1),
                new EntityMention("LOCATION", "Tab\tName", "", 1),
                new EntityMention("PERSON", "Zoë Ball", "", 2),
                new EntityMention("ORG", "!!!", null, 1),
                new EntityMention("PERSON", "Nul\u0000Name", null, 6));
    }

    /** Four articles of one story (prefix p), with other languages and entity lists; the last has no story. */
    private static List<EnrichedArticle> articles(String p, String story) {
        List<EnrichedArticle> out = new ArrayList<>();
        out.add(new TestArticle().id(p + "-1").storyId(story).source("derived-a").entities(trickyMentions()).event());
        out.add(new TestArticle().id(p + "-2").storyId(story).source("derived-b").language("de")
                .publishedAt(Instant.parse("2024-04-30T10:00:00Z"))
                .entities(List.of(new EntityMention("PERSON", "Joe Biden", null, 7),
                        new EntityMention("COUNTRY", "Germany", "DE", 1)))
                .event());
        out.add(new TestArticle().id(p + "-3").storyId(story).source("derived-a").language(null).publishedAt(null)
                .entities(List.of()).event());
        out.add(new TestArticle().id(p + "-4").language("und").entities(trickyMentions().subList(0, 4)).event());
        return out;
    }

    @Test
    void singleUpsertAndBulkPathWriteTheSameDerivedRows() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.parse("2024-06-01T00:00:00Z");
        List<EnrichedArticle> single = articles("s" + run, "st-s-" + run);
        List<EnrichedArticle> bulk = articles("b" + run, "st-b-" + run);
        for (EnrichedArticle a : single) {
            assertEquals(StoreOutcome.INSERTED, store.store(a, now));
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertEquals(bulk.size(), new BulkArticleWriter("query").write(c, bulk, now));
            c.commit();
        }

        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < single.size(); i++) {
                List<List<Object>> fromSingle = rows(c, STORED, single.get(i).id());
                List<List<Object>> fromBulk = rows(c, STORED, bulk.get(i).id());
                assertEquals(rows(c, FROM_JSONB, single.get(i).id()), fromSingle, "single path, article " + i);
                assertEquals(rows(c, FROM_JSONB, bulk.get(i).id()), fromBulk, "bulk path, article " + i);
                assertEquals(fromSingle, fromBulk, "article " + i);
                assertEquals(expectedKeys(fromSingle), keys(c, single.get(i).id()), "keys, single path, article " + i);
                assertEquals(expectedKeys(fromBulk), keys(c, bulk.get(i).id()), "keys, bulk path, article " + i);
            }
            // Slugs and lower case of non-ASCII names follow the database's locale; the ids and mentions do not.
            List<List<Object>> tricky = rows(c, STORED, bulk.get(0).id());
            assertEquals(7, tricky.size(), "JP, joe-biden, the club, tab name, Zoë, org: and the NUL name");
            assertTrue(tricky.contains(List.of("JP", "COUNTRY", "Japan", "japan")), tricky.toString());
            assertTrue(tricky.contains(List.of("person:joe-biden", "PERSON", "Joe Biden", "joe biden")),
                    tricky.toString());
            assertTrue(tricky.stream().anyMatch(r -> r.get(0).equals("org:") && r.get(2).equals("!!!")),
                    tricky.toString());

            String storyAggregates = "SELECT article_count, source_count, first_published_at, last_activity_at"
                    + " FROM query.story WHERE story_id = ?";
            List<List<Object>> singleStory = rows(c, storyAggregates, "st-s-" + run);
            assertEquals(List.of(3, 2), singleStory.get(0).subList(0, 2));
            assertEquals(singleStory, rows(c, storyAggregates, "st-b-" + run));

            for (List<EnrichedArticle> path : List.of(single, bulk)) {
                long previous = Long.MIN_VALUE;
                for (EnrichedArticle a : path) {
                    List<List<Object>> seq = rows(c, "SELECT seq FROM query.stream_event WHERE article_id = ?", a.id());
                    assertEquals(1, seq.size(), a.id());
                    long s = ((Number) seq.get(0).get(0)).longValue();
                    assertTrue(s > previous, "stream order follows the write order");
                    previous = s;
                }
            }
            List<List<Object>> configs = rows(c, "SELECT config FROM query.search_config_seen WHERE config = ?",
                    "german");
            assertFalse(configs.isEmpty(), "the German article's configuration is recorded");
        }
    }

    @Test
    void aNewVersionReplacesTheEntitySet() throws Exception {
        String id = "v" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.parse("2024-06-01T00:00:00Z");
        store.store(new TestArticle().id(id).entities(trickyMentions()).event(), now);
        assertEquals(StoreOutcome.UPDATED, store.store(new TestArticle().id(id).version(2)
                .entities(List.of(new EntityMention("PERSON", "Ada Lovelace", null, 4))).event(), now));
        try (Connection c = dataSource.getConnection()) {
            assertEquals(List.of(List.of("person:ada-lovelace", "PERSON", "Ada Lovelace", "ada lovelace")),
                    rows(c, STORED, id));
            assertEquals(Set.of("i:person:ada-lovelace", "n:ada lovelace"), keys(c, id));
        }
    }

    /**
     * The name rules the entity readers had over article_entity, kept over the row's entity set: a facet names an
     * entity after the lowest article id that mentions it (whatever the query matched), /entities takes the
     * smallest name among the matching articles. One entity id of this run only, named differently by two articles.
     */
    @Test
    void entityNamesFollowTheirRules() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String entity = "ZZ-" + run;
        Instant now = Instant.parse("2024-06-01T00:00:00Z");
        store.store(new TestArticle().id("n" + run + "-1").source("names-a-" + run)
                .entities(List.of(new EntityMention("COUNTRY", "Zulu Land", entity, 1))).event(), now);
        store.store(new TestArticle().id("n" + run + "-2").source("names-b-" + run)
                .entities(List.of(new EntityMention("COUNTRY", "Alpha Land", entity, 1))).event(), now);
        for (List<String> sources : List.of(List.of("names-a-" + run, "names-b-" + run), List.of("names-b-" + run))) {
            JsonPath facets = given().queryParam("source", sources).queryParam("facets", "entity").get("/articles")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(entity, facets.getString("facets.entity[0].value"), sources.toString());
            assertEquals("Zulu Land", facets.getString("facets.entity[0].name"), "lowest article id, " + sources);
            JsonPath top = given().queryParam("source", sources).get("/entities").then().statusCode(200).extract()
                    .jsonPath();
            assertEquals(entity, top.getString("items[0].id"), sources.toString());
            assertEquals("Alpha Land", top.getString("items[0].name"), "smallest among the matches, " + sources);
            assertEquals(sources.size(), top.getInt("items[0].articles"));
        }
        // Each article's own name is a key of its set: both names find the entity, by any case.
        given().get("/entities/{id}/articles", "ALPHA LAND").then().statusCode(200);
        given().get("/entities/{id}/articles", "zulu land").then().statusCode(200);
        given().get("/entities/{id}/articles", "zz-" + run).then().statusCode(404);
    }

    /** An id key and a name key per entity row. */
    private static Set<String> expectedKeys(List<List<Object>> entityRows) {
        Set<String> keys = new HashSet<>();
        entityRows.forEach(r -> {
            keys.add("i:" + r.get(0));
            keys.add("n:" + r.get(3));
        });
        return keys;
    }

    private static Set<String> keys(Connection c, String id) throws SQLException {
        Set<String> keys = new HashSet<>();
        rows(c, KEYS, id).forEach(r -> keys.add((String) r.get(0)));
        return keys;
    }

    private static List<List<Object>> rows(Connection c, String sql, String param) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }
}
