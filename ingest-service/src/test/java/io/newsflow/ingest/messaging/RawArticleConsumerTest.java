package io.newsflow.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.DeadLetterHeaders;
import io.newsflow.contracts.IngestedArticle;
import io.newsflow.contracts.Topics;
import io.newsflow.testsupport.InjectKafkaBootstrap;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Kafka path against a real broker: good records to articles.ingested, bad ones byte-exact to articles.dlq. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class RawArticleConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CASE = "test-case";

    @InjectKafkaBootstrap
    String bootstrap;

    @Test
    void goodRecordsArePublishedAndBadOnesDeadLettered() throws IOException {
        String run = UUID.randomUUID().toString();
        // One key for all the bad records and the final good one: same partition, so the last record proves that
        // the bad ones did not stall it.
        String sharedKey = "poison-" + run;
        String seedSource = "seed-" + run;
        String envelopeUrl = "https://www.example.com/news/" + run + "?utm_source=feed";
        String lateUrl = "https://example.com/late/" + run;

        byte[] seed = seedText();
        byte[] envelope = ("{\"id\":\"pub-1\",\"url\":\"" + envelopeUrl + "\",\"title\":\"  Envelope  title \","
                + "\"author\":\"Jane Doe\",\"publishedAt\":\"2024-04-22T10:30:00+02:00\",\"language\":\"en-gb\","
                + "\"content\":\"Caf\\u0065\\u0301 line one\\r\\nline two\"}").getBytes(StandardCharsets.UTF_8);
        byte[] malformed = "{\"content\": \"unterminated".getBytes(StandardCharsets.UTF_8);
        byte[] empty = new byte[0];
        byte[] invalidUtf8 = { 'b', 'a', 'd', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFE };
        byte[] tooLarge = new byte[65536 + 1];
        Arrays.fill(tooLarge, (byte) 'x');
        byte[] wrongType = "{\"content\":\"fine\",\"title\":42}".getBytes(StandardCharsets.UTF_8);
        byte[] late = ("{\"url\":\"" + lateUrl + "\",\"content\":\"arrives after the poison\"}")
                .getBytes(StandardCharsets.UTF_8);

        Map<String, String> expectedReasons = Map.of(
                "malformed", "invalid-json",
                "empty", "empty-content",
                "invalid-utf8", "invalid-utf8",
                "too-large", "too-large",
                "wrong-type", "invalid-envelope",
                "tombstone", "empty-content");
        Map<String, byte[]> badValues = new HashMap<>(Map.of(
                "malformed", malformed, "empty", empty, "invalid-utf8", invalidUtf8, "too-large", tooLarge,
                "wrong-type", wrongType));
        badValues.put("tombstone", null);

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            kafka.send(Topics.RAW, "seed-key", seed, Map.of("source", seedSource, CASE, "seed"));
            kafka.send(Topics.RAW, null, envelope, Map.of(CASE, "envelope"));
            for (String name : List.of("malformed", "empty", "invalid-utf8", "too-large", "wrong-type",
                    "tombstone")) {
                kafka.send(Topics.RAW, sharedKey, badValues.get(name), Map.of(CASE, name, "run", run));
            }
            kafka.send(Topics.RAW, sharedKey, late, Map.of(CASE, "late", "run", run));

            String envelopeId = ArticleIds.derive(envelopeUrl, null, "pub-1", null);
            String lateId = ArticleIds.derive(lateUrl, null, null, null);

            List<ConsumerRecord<String, byte[]>> ingested = kafka.readUntil(Topics.INGESTED, WAIT,
                    records -> find(records, seedSource).isPresent() && byKey(records, envelopeId).isPresent()
                            && byKey(records, lateId).isPresent());

            IngestedArticle seedArticle = find(ingested, seedSource).orElseThrow(
                    () -> new AssertionError("seed article not on " + Topics.INGESTED));
            assertEquals("kafka", seedArticle.channel());
            assertEquals("text/plain", seedArticle.contentType());
            assertTrue(seedArticle.content().startsWith("36.2 C\nMonday, April 22, 2024"), seedArticle.content());
            assertEquals(ArticleIds.derive(null, seedSource, null, seedArticle.content()), seedArticle.id());
            assertEquals(seedArticle.id(), keyOf(ingested, seedArticle));
            assertNotNull(seedArticle.ingestedAt());

            IngestedArticle env = parse(byKey(ingested, envelopeId).orElseThrow());
            assertEquals(envelopeId, env.id());
            assertEquals("pub-1", env.publisherId());
            assertEquals("https://example.com/news/" + run, env.canonicalUrl());
            assertEquals("example.com", env.source());
            assertEquals("Envelope title", env.title());
            assertEquals(List.of("Jane Doe"), env.authors());
            assertEquals(Instant.parse("2024-04-22T08:30:00Z"), env.publishedAt());
            assertNull(env.publishedAtText());
            assertEquals("en-GB", env.language());
            assertEquals("Caf\u00e9 line one\nline two", env.content());

            assertEquals("arrives after the poison", parse(byKey(ingested, lateId).orElseThrow()).content());

            List<ConsumerRecord<String, byte[]>> raw = kafka.readUntil(Topics.RAW, WAIT,
                    records -> runRecords(records, run).size() == 7);
            List<ConsumerRecord<String, byte[]>> dlq = kafka.readUntil(Topics.DLQ, WAIT,
                    records -> runRecords(records, run).size() == expectedReasons.size());
            assertEquals(expectedReasons.size(), runRecords(dlq, run).size(), "one DLQ record per bad input");

            for (var expected : expectedReasons.entrySet()) {
                String name = expected.getKey();
                ConsumerRecord<String, byte[]> source = byCase(raw, run, name);
                ConsumerRecord<String, byte[]> dead = byCase(dlq, run, name);
                assertEquals(sharedKey, dead.key(), name);
                assertArrayEquals(badValues.get(name), dead.value(), name);
                assertEquals(expected.getValue(), KafkaTestClient.header(dead, DeadLetterHeaders.REASON_CODE), name);
                assertNotNull(KafkaTestClient.header(dead, DeadLetterHeaders.REASON), name);
                assertEquals(Topics.RAW, KafkaTestClient.header(dead, DeadLetterHeaders.SOURCE_TOPIC), name);
                assertEquals(String.valueOf(source.partition()),
                        KafkaTestClient.header(dead, DeadLetterHeaders.SOURCE_PARTITION), name);
                assertEquals(String.valueOf(source.offset()),
                        KafkaTestClient.header(dead, DeadLetterHeaders.SOURCE_OFFSET), name);
                assertEquals("ingest-service", KafkaTestClient.header(dead, DeadLetterHeaders.SERVICE), name);
                Instant.parse(KafkaTestClient.header(dead, DeadLetterHeaders.TIME));
            }
            // the late good record is on the same partition as the poison, after it
            ConsumerRecord<String, byte[]> lateRaw = byCase(raw, run, "late");
            assertEquals(byCase(raw, run, "malformed").partition(), lateRaw.partition());
            assertTrue(lateRaw.offset() > byCase(raw, run, "tombstone").offset());
        }
    }

    private static byte[] seedText() throws IOException {
        String root = System.getProperty("newsflow.shared.data");
        Path seed = root == null ? null : Path.of(root, "seeds", "000_8f5ed42a42bf4c9d.txt");
        if (seed != null && Files.isRegularFile(seed)) {
            return Files.readAllBytes(seed);
        }
        // The shared data is not part of the repository; fall back to text of the same shape.
        return "36.2 C\nMonday, April 22, 2024\n\nUS-Japan, draw up joint operation plan\r\n\r\nTOKYO - text."
                .getBytes(StandardCharsets.UTF_8);
    }

    private static IngestedArticle parse(ConsumerRecord<String, byte[]> record) {
        try {
            return ContractJson.read(new String(record.value(), StandardCharsets.UTF_8), IngestedArticle.class);
        } catch (IOException e) {
            throw new AssertionError("not an IngestedArticle: " + new String(record.value(), StandardCharsets.UTF_8),
                    e);
        }
    }

    private static Optional<IngestedArticle> find(List<ConsumerRecord<String, byte[]>> records, String source) {
        return records.stream().map(RawArticleConsumerTest::parse).filter(a -> source.equals(a.source())).findFirst();
    }

    private static String keyOf(List<ConsumerRecord<String, byte[]>> records, IngestedArticle article) {
        return records.stream().filter(r -> parse(r).id().equals(article.id())).findFirst().orElseThrow().key();
    }

    private static Optional<ConsumerRecord<String, byte[]>> byKey(List<ConsumerRecord<String, byte[]>> records,
            String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst();
    }

    private static List<ConsumerRecord<String, byte[]>> runRecords(List<ConsumerRecord<String, byte[]>> records,
            String run) {
        return records.stream().filter(r -> run.equals(KafkaTestClient.header(r, "run"))).toList();
    }

    private static ConsumerRecord<String, byte[]> byCase(List<ConsumerRecord<String, byte[]>> records, String run,
            String name) {
        Map<String, ConsumerRecord<String, byte[]>> byName = new HashMap<>();
        runRecords(records, run).forEach(r -> byName.put(KafkaTestClient.header(r, CASE), r));
        ConsumerRecord<String, byte[]> r = byName.get(name);
        assertNotNull(r, "no record for case " + name);
        return r;
    }
}
