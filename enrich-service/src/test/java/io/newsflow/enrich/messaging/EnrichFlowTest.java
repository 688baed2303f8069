package io.newsflow.enrich.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.DeadLetterHeaders;
import io.newsflow.contracts.DuplicateKinds;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.FieldSources;
import io.newsflow.contracts.IngestedArticle;
import io.newsflow.contracts.Topics;
import io.newsflow.enrich.support.Seeds;
import io.newsflow.testsupport.InjectKafkaBootstrap;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.KafkaTestClient;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** End to end through a real Kafka broker and a real PostgreSQL: ingested in, enriched (or dead letter) out. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class EnrichFlowTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SEED = "000_8f5ed42a42bf4c9d.txt";

    @InjectKafkaBootstrap
    String bootstrap;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(bootstrap);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void enrichesVersionsAndDetectsExactDuplicates() {
        String content = Seeds.text(SEED);
        String id = "it-" + UUID.randomUUID();
        publish(article(id, content));

        EnrichedArticle first = awaitEnriched(id, 1).get(0);
        assertEquals("US-Japan, draw up joint operation plan for any Taiwan emergency", first.title());
        assertEquals("2024-04-22", first.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
        assertEquals(FieldSources.TEXT_HEADER, first.publishedAtSource());
        assertEquals("en", first.language());
        assertTrue(first.wordCount() > 300, "wordCount " + first.wordCount());
        assertEquals(64, first.contentHash().length());
        assertEquals(1, first.version());
        assertNull(first.duplicateOf());
        assertEquals("1", first.pipelineVersion());
        assertNotNull(first.enrichedAt());
        assertEquals(Instant.parse("2025-01-02T03:04:05Z"), first.ingestedAt());
        // entities and keywords are filled by their stages (issue 3); the seed is about Japan and the US
        // (14 mentions: "Japan’s" counts since the entity tokenizer splits off possessives)
        assertTrue(first.entities().contains(new io.newsflow.contracts.EntityMention("COUNTRY", "Japan", "JP", 14)),
                first.entities().toString());
        assertTrue(first.entities().stream().anyMatch(e -> e.name().equals("United States") && "US".equals(e.canonicalId())));
        assertTrue(!first.keywords().isEmpty(), "keywords");
        assertNotNull(first.storyId(), "every article gets a story");

        // At-least-once re-delivery: produced again, same version, same hash.
        publish(article(id, content));
        EnrichedArticle again = awaitEnriched(id, 2).get(1);
        assertEquals(1, again.version());
        assertEquals(first.contentHash(), again.contentHash());
        assertNull(again.duplicateOf());
        assertEquals(first.storyId(), again.storyId());

        // Updated body under the same id: version 2.
        publish(article(id, content + "\n\nThe Pentagon declined to comment further on Friday."));
        EnrichedArticle updated = awaitEnriched(id, 3).get(2);
        assertEquals(2, updated.version());
        assertTrue(!updated.contentHash().equals(first.contentHash()));

        // Same content under another id: an exact duplicate of the first.
        String copyId = "it-copy-" + UUID.randomUUID();
        publish(article(copyId, content));
        EnrichedArticle copy = awaitEnriched(copyId, 1).get(0);
        assertEquals(id, copy.duplicateOf());
        assertEquals(DuplicateKinds.EXACT, copy.duplicateKind());
        assertEquals(1.0, copy.similarity());
        assertEquals(1, copy.version());
        assertEquals(first.contentHash(), copy.contentHash());
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndGoodRecordsStillFlow() {
        String badKey = "bad-" + UUID.randomUUID();
        byte[] malformed = "{\"id\": \"x\", \"content\": ".getBytes(StandardCharsets.UTF_8);
        kafka.send(Topics.INGESTED, badKey, malformed, Map.of("source", "unit-test"));
        String noContentKey = "empty-" + UUID.randomUUID();
        kafka.send(Topics.INGESTED, noContentKey, ("{\"id\": \"" + noContentKey + "\"}").getBytes(StandardCharsets.UTF_8),
                Map.of());
        String goodId = "good-" + UUID.randomUUID();
        // Same key as the poison record: same partition, so it is processed after it.
        publish(badKey, article(goodId, "Officials in Tokyo said on Monday that talks with Washington would resume "
                + "next week, after a pause of several months caused by disagreements over costs."));

        List<ConsumerRecord<String, byte[]>> dlq = kafka.readUntil(Topics.DLQ, TIMEOUT,
                records -> records.stream().anyMatch(r -> badKey.equals(r.key()))
                        && records.stream().anyMatch(r -> noContentKey.equals(r.key())));
        ConsumerRecord<String, byte[]> dead = dlq.stream().filter(r -> badKey.equals(r.key())).findFirst().orElseThrow();
        assertArrayEquals(malformed, dead.value());
        assertEquals("invalid-json", KafkaTestClient.header(dead, DeadLetterHeaders.REASON_CODE));
        assertNotNull(KafkaTestClient.header(dead, DeadLetterHeaders.REASON));
        assertEquals(Topics.INGESTED, KafkaTestClient.header(dead, DeadLetterHeaders.SOURCE_TOPIC));
        assertNotNull(KafkaTestClient.header(dead, DeadLetterHeaders.SOURCE_PARTITION));
        assertNotNull(KafkaTestClient.header(dead, DeadLetterHeaders.SOURCE_OFFSET));
        assertNotNull(Instant.parse(KafkaTestClient.header(dead, DeadLetterHeaders.TIME)));
        assertEquals("enrich-service", KafkaTestClient.header(dead, DeadLetterHeaders.SERVICE));
        assertEquals("unit-test", KafkaTestClient.header(dead, "source"));
        ConsumerRecord<String, byte[]> empty = dlq.stream().filter(r -> noContentKey.equals(r.key())).findFirst().orElseThrow();
        assertEquals("empty-content", KafkaTestClient.header(empty, DeadLetterHeaders.REASON_CODE));

        List<ConsumerRecord<String, byte[]>> out = kafka.readUntil(Topics.ENRICHED, TIMEOUT,
                has(r -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8).contains(goodId)));
        EnrichedArticle good = out.stream().map(EnrichFlowTest::parse).filter(a -> goodId.equals(a.id())).findFirst()
                .orElseThrow();
        assertEquals("en", good.language());
        assertEquals(1, good.version());
    }

    private static Predicate<List<ConsumerRecord<String, byte[]>>> has(Predicate<ConsumerRecord<String, byte[]>> p) {
        return records -> records.stream().anyMatch(p);
    }

    private List<EnrichedArticle> awaitEnriched(String id, int count) {
        List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(Topics.ENRICHED, TIMEOUT,
                rs -> rs.stream().filter(r -> id.equals(r.key())).count() >= count);
        List<EnrichedArticle> mine = records.stream().filter(r -> id.equals(r.key())).map(EnrichFlowTest::parse).toList();
        assertEquals(count, mine.size(), "enriched records for " + id);
        return mine;
    }

    private static EnrichedArticle parse(ConsumerRecord<String, byte[]> r) {
        try {
            return ContractJson.read(new String(r.value(), StandardCharsets.UTF_8), EnrichedArticle.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IngestedArticle article(String id, String content) {
        return new IngestedArticle(id, null, null, null, "test-feed", null, List.of(), null, null, null, "text/plain",
                content, Instant.parse("2025-01-02T03:04:05Z"), "kafka");
    }

    private void publish(IngestedArticle article) {
        publish(article.id(), article);
    }

    private void publish(String key, IngestedArticle article) {
        kafka.send(Topics.INGESTED, key, ContractJson.write(article).getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
