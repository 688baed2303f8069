package io.newsflow.query.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.DeadLetterHeaders;
import io.newsflow.contracts.Topics;
import io.newsflow.query.persistence.ArticleEntity;
import io.newsflow.testsupport.InjectKafkaBootstrap;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.KafkaTestClient;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** articles.enriched → PostgreSQL: idempotency, versions, aliases, dead letters. Real broker, real database. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL)
class StorageTest {

    @InjectKafkaBootstrap
    String bootstrap;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(bootstrap);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    private long rowsWithId(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ArticleEntity.count("id", id));
    }

    private long aliasRows(String aliasId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM query.article_alias WHERE alias_id = :id")
                .setParameter("id", aliasId).getSingleResult()).longValue());
    }

    private double counter(String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void publishedArticleBecomesQueryableWithAllFields() {
        TestArticle a = new TestArticle().source("storage-fields").title("Quake hits coast")
                .url("https://www.example.com/news/quake?utm_source=feed")
                .text("A strong earthquake hit the coast.\n\nResidents were evacuated.").storyId("story-1");
        Pipeline.publish(kafka, a);
        JsonPath article = Pipeline.awaitArticle(a.id);
        assertEquals(a.id, article.getString("id"));
        assertEquals("https://www.example.com/news/quake?utm_source=feed", article.getString("url"));
        assertEquals("https://example.com/news/quake", article.getString("canonicalUrl"));
        assertEquals("storage-fields", article.getString("source"));
        assertEquals("Quake hits coast", article.getString("title"));
        assertEquals(List.of("A. Writer"), article.getList("authors"));
        assertEquals("2024-05-01T08:00:00Z", article.getString("publishedAt"));
        assertEquals("en", article.getString("language"));
        assertEquals("A strong earthquake hit the coast.", article.getString("lede"));
        assertEquals(a.text, article.getString("text"));
        assertEquals(9, article.getInt("wordCount"));
        assertEquals("COUNTRY", article.getString("entities[0].type"));
        assertEquals("Japan", article.getString("entities[0].name"));
        assertEquals("JP", article.getString("entities[0].canonicalId"));
        assertEquals(2, article.getInt("entities[0].mentions"));
        assertEquals("body", article.getString("keywords[0].term"));
        assertEquals(0.5f, article.getFloat("keywords[0].weight"));
        assertEquals("story-1", article.getString("storyId"));
        assertEquals(1, article.getInt("version"));
        assertEquals("2024-05-01T08:01:00Z", article.getString("ingestedAt"));
        assertEquals("envelope", article.getString("provenance.title"));
        assertTrue(article.getMap("").containsKey("duplicateOf"), "duplicateOf is always present");
        assertNull(article.get("duplicateOf"));

        // The list item has the same shape minus text.
        JsonPath list = given().queryParam("source", "storage-fields").get("/articles").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(a.id))
                .body("items[0].text", nullValue()).body("nextCursor", nullValue()).extract().jsonPath();
        // Both are read as plain columns (no entity): the detail is the list item plus text and provenance, the
        // two as the entity has them.
        Map<String, Object> detail = new java.util.HashMap<>(article.getMap(""));
        assertEquals(Map.of("title", "envelope"), detail.remove("provenance"));
        assertEquals(QuarkusTransaction.requiringNew().call(() -> ArticleEntity.<ArticleEntity>findById(a.id).text),
                detail.remove("text"));
        assertEquals(list.getMap("items[0]"), detail);
    }

    @Test
    void redeliveryNeverCreatesASecondRow() {
        TestArticle a = new TestArticle().source("storage-twice").title("Twice");
        Pipeline.publish(kafka, a, a);
        Pipeline.awaitArticle(a.id);
        Pipeline.publish(kafka, a);
        // A newer version on the same key (same partition) is processed after the re-deliveries.
        Pipeline.publish(kafka, new TestArticle().id(a.id).source("storage-twice").title("Twice").version(2));
        await().atMost(Pipeline.STORE_TIMEOUT)
                .until(() -> given().get("/articles/{id}", a.id).jsonPath().getInt("version") == 2);
        assertEquals(1, rowsWithId(a.id));
        assertEquals(1, Pipeline.list(Map.of("source", "storage-twice", "duplicates", "include")).size());
    }

    @Test
    void newerVersionUpdatesAndStaleVersionIsIgnored() {
        TestArticle v1 = new TestArticle().source("storage-versions").title("First draft").text("draft body");
        Pipeline.publish(kafka, v1);
        Pipeline.awaitArticle(v1.id);

        TestArticle v2 = new TestArticle().id(v1.id).source("storage-versions").title("Corrected headline")
                .text("corrected body").version(2);
        Pipeline.publish(kafka, v2);
        await().atMost(Pipeline.STORE_TIMEOUT).until(() -> "Corrected headline"
                .equals(given().get("/articles/{id}", v1.id).jsonPath().getString("title")));

        double staleBefore = counter("newsflow.query.stale.ignored");
        Pipeline.publish(kafka, v1);
        await().atMost(Pipeline.STORE_TIMEOUT).until(() -> counter("newsflow.query.stale.ignored") > staleBefore);
        JsonPath article = given().get("/articles/{id}", v1.id).then().statusCode(200).extract().jsonPath();
        assertEquals("Corrected headline", article.getString("title"));
        assertEquals("corrected body", article.getString("text"));
        assertEquals(2, article.getInt("version"));
        assertEquals(1, rowsWithId(v1.id));
        // The search index follows the update.
        assertEquals(List.of(v1.id), Pipeline.ids(Map.of("source", "storage-versions", "q", "corrected")));
        assertEquals(List.of(), Pipeline.ids(Map.of("source", "storage-versions", "q", "draft")));
    }

    @Test
    void exactDuplicateBecomesAnAliasOfTheOriginal() {
        String originalUrl = "https://news.example.org/2024/05/original";
        // As in the pipeline, the id derives from the URL (so http and https copies share it).
        TestArticle original = new TestArticle().id(ArticleIds.derive(originalUrl, null, null, null))
                .source("storage-alias").title("Original report").url(originalUrl);
        TestArticle copy = new TestArticle().source("storage-alias").title("Original report")
                .url("https://mirror.example.net/copy-of-original?utm_source=rss").exactDuplicateOf(original.id);
        Pipeline.publish(kafka, original, copy);
        Pipeline.awaitArticle(original.id);

        JsonPath viaAlias = Pipeline.awaitArticle(copy.id);
        assertEquals(original.id, viaAlias.getString("id"));
        assertEquals("Original report", viaAlias.getString("title"));
        assertEquals(0, rowsWithId(copy.id));

        // Not listed twice, whatever the duplicates mode.
        assertEquals(List.of(original.id), Pipeline.ids(Map.of("source", "storage-alias", "duplicates", "include")));
        assertEquals(List.of(), Pipeline.ids(Map.of("source", "storage-alias", "duplicates", "only")));
        // The copy's URL finds the original.
        assertEquals(List.of(original.id), Pipeline.ids(Map.of("url", "https://mirror.example.net/copy-of-original")));
        assertEquals(List.of(original.id), Pipeline.ids(Map.of("url", "http://news.example.org/2024/05/original/")));

        // Re-delivery of the duplicate is idempotent too.
        double aliasesBefore = counter("newsflow.query.aliases.recorded");
        Pipeline.publish(kafka, copy);
        await().atMost(Pipeline.STORE_TIMEOUT).until(() -> counter("newsflow.query.aliases.recorded") > aliasesBefore);
        assertEquals(1, aliasRows(copy.id));
    }

    @Test
    void transientDatabaseFailureIsRetriedAndNeverDeadLettered() throws Exception {
        TestArticle a = new TestArticle().source("storage-outage").title("Stored after the outage");
        double retriesBefore = counter("newsflow.query.retries");
        // A real database error on every attempt: the table is gone for a while.
        execute("ALTER TABLE query.article RENAME TO article_offline");
        try {
            Pipeline.publish(kafka, a);
            await().atMost(Pipeline.STORE_TIMEOUT).until(() -> counter("newsflow.query.retries") > retriesBefore + 1);
        } finally {
            execute("ALTER TABLE query.article_offline RENAME TO article");
        }
        Pipeline.awaitArticle(a.id);
        assertEquals(1, rowsWithId(a.id));
        TestArticle after = new TestArticle().source("storage-outage").title("Later");
        Pipeline.publish(kafka, after);
        Pipeline.awaitArticle(after.id);
        List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil(Topics.DLQ, Duration.ofSeconds(3), r -> false);
        assertTrue(dead.stream().noneMatch(r -> a.id.equals(r.key())), "good data is never dead-lettered");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void poisonEventsAreDeadLetteredAndTheFollowingGoodEventIsStored() {
        String key = TestArticle.randomId();
        byte[] malformed = "{\"id\": \"broken\", \"title\": ".getBytes(StandardCharsets.UTF_8);
        byte[] missingId = "{\"title\":\"no id\",\"version\":1}".getBytes(StandardCharsets.UTF_8);
        kafka.send(Topics.ENRICHED, key, malformed, Map.of("trace", "t-1"));
        kafka.send(Topics.ENRICHED, key, missingId, Map.of());
        TestArticle good = new TestArticle().id(key).source("storage-dlq").title("Good after bad");
        kafka.send(Topics.ENRICHED, key, good.json());

        Pipeline.awaitArticle(key);
        List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil(Topics.DLQ, Duration.ofSeconds(30),
                records -> records.stream().filter(r -> key.equals(r.key())).count() >= 2)
                .stream().filter(r -> key.equals(r.key())).toList();
        assertEquals(2, dead.size(), "both poison records dead-lettered, the good one not");

        ConsumerRecord<String, byte[]> first = dead.get(0);
        assertArrayEquals(malformed, first.value(), "original value byte for byte");
        assertEquals("invalid-json", KafkaTestClient.header(first, DeadLetterHeaders.REASON_CODE));
        assertNotNull(KafkaTestClient.header(first, DeadLetterHeaders.REASON));
        assertEquals(Topics.ENRICHED, KafkaTestClient.header(first, DeadLetterHeaders.SOURCE_TOPIC));
        assertTrue(Integer.parseInt(KafkaTestClient.header(first, DeadLetterHeaders.SOURCE_PARTITION)) >= 0);
        assertTrue(Long.parseLong(KafkaTestClient.header(first, DeadLetterHeaders.SOURCE_OFFSET)) >= 0);
        Instant.parse(KafkaTestClient.header(first, DeadLetterHeaders.TIME));
        assertEquals("query-service", KafkaTestClient.header(first, DeadLetterHeaders.SERVICE));

        ConsumerRecord<String, byte[]> second = dead.get(1);
        assertArrayEquals(missingId, second.value());
        assertEquals("invalid-event", KafkaTestClient.header(second, DeadLetterHeaders.REASON_CODE));
        assertEquals(Long.parseLong(KafkaTestClient.header(first, DeadLetterHeaders.SOURCE_OFFSET)) + 1,
                Long.parseLong(KafkaTestClient.header(second, DeadLetterHeaders.SOURCE_OFFSET)));
        assertTrue(counter("newsflow.query.dead.lettered") >= 2);
    }
}
