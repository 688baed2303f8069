package io.newsflow.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.DeadLetterHeaders;
import io.newsflow.contracts.Topics;
import io.newsflow.localkafka.LocalKafkaBroker;
import io.newsflow.testsupport.FreshDatabase;
import io.newsflow.testsupport.KafkaTestClient;
import io.restassured.http.ContentType;

/**
 * The whole pipeline as a user runs it: real broker, real PostgreSQL, the three packaged services as processes,
 * the five seeds published with kcat, results read through query-service's HTTP API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> GROUPS = Map.of(
            "newsflow-ingest", Topics.RAW, "newsflow-enrich", Topics.INGESTED, "newsflow-query", Topics.ENRICHED);

    private static LocalKafkaBroker broker;
    private static FreshDatabase database;
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess ingest;
    private static ServiceProcess query;
    private static Path seeds;
    private static JsonNode labels;
    private static Path work;

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of(System.getProperty("newsflow.root", "..")).toAbsolutePath().normalize();
        seeds = Path.of(System.getProperty("newsflow.shared.data", "../../shared/data")).resolve("seeds");
        assertTrue(Files.isDirectory(seeds), "the seeds are needed at " + seeds);
        labels = JSON.readTree(seeds.resolve("labels.json").toFile());
        assertTrue(kcatAvailable(), "kcat is needed: apt-get install -y kcat (./newsflow test installs it)");
        work = Files.createTempDirectory("newsflow-e2e-");

        broker = LocalKafkaBroker.builder().topics(Topics.ALL).start();
        database = FreshDatabase.create("newsflow_e2e");
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("NEWSFLOW_DB_URL", database.jdbcUrl());
        env.put("NEWSFLOW_DB_USER", FreshDatabase.user());
        env.put("NEWSFLOW_DB_PASSWORD", FreshDatabase.password());
        Path logs = root.resolve("e2e-tests/target/service-logs");
        ingest = ServiceProcess.start(root, "ingest-service", ServiceProcess.freePort(), env, logs);
        ServiceProcess enrich = ServiceProcess.start(root, "enrich-service", ServiceProcess.freePort(), env, logs);
        query = ServiceProcess.start(root, "query-service", ServiceProcess.freePort(), env, logs);
        services.addAll(List.of(ingest, enrich, query));
        for (ServiceProcess s : services) {
            s.awaitReady(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void stopStack() {
        services.forEach(ServiceProcess::close);
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void theFiveSeedsPublishedWithKcatBecomeQueryableWithTheirMetadata() throws Exception {
        List<Path> files = seedFiles();
        assertEquals(5, files.size());
        kcat(files.stream().map(Path::toString).toList());

        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(query.baseUrl()).queryParam("limit", 100)
                        .when().get("/articles").then().statusCode(200).body("items", hasSize(5)));

        for (Path file : files) {
            String id = seedId(file);
            JsonNode article = JSON.readTree(given().baseUri(query.baseUrl()).when().get("/articles/" + id)
                    .then().statusCode(200).extract().asString());
            JsonNode label = labels.get(file.getFileName().toString());
            String name = file.getFileName().toString();
            assertEquals("en", article.path("language").asText(), name + " language");
            if (label.hasNonNull("title")) {
                assertEquals(label.get("title").asText(), article.path("title").asText(null), name + " title");
            }
            if (label.hasNonNull("date")) {
                assertTrue(article.hasNonNull("publishedAt"), name + " has no publishedAt");
                assertEquals(label.get("date").asText(), article.get("publishedAt").asText().substring(0, 10),
                        name + " publishedAt");
            } else {
                assertNull(article.path("publishedAt").textValue(), name + " must have no date: the text gives no year");
            }
            assertTrue(article.path("wordCount").asInt() > 100, name + " wordCount");
            assertTrue(article.path("text").asText().length() > 500, name + " text");
            List<String> authors = new java.util.ArrayList<>();
            article.path("authors").forEach(a -> authors.add(a.asText()));
            assertEquals(label.hasNonNull("author") ? List.of(label.get("author").asText()) : List.of(), authors,
                    name + " authors");
            for (String type : List.of("COUNTRY", "PERSON")) {
                for (JsonNode expected : label.path("entities").path(type)) {
                    boolean found = false;
                    for (JsonNode e : article.path("entities")) {
                        found |= type.equals(e.path("type").asText()) && expected.asText().equalsIgnoreCase(e.path("name").asText());
                    }
                    assertTrue(found, name + " misses " + type + " " + expected.asText() + " in " + article.path("entities"));
                }
            }
        }
    }

    @Test
    @Order(2)
    void publishingTheSeedsAgainLeavesExactlyFive() throws Exception {
        kcat(seedFiles().stream().map(Path::toString).toList());
        awaitNoConsumerLag();
        given().baseUri(query.baseUrl()).queryParam("limit", 100).when().get("/articles")
                .then().statusCode(200).body("items", hasSize(5));
    }

    @Test
    @Order(3)
    void malformedEmptyAndInvalidUtf8RecordsLandInTheDlqWithTheirReasons() throws Exception {
        Path malformed = Files.writeString(work.resolve("malformed.json"), "{\"content\": \"unterminated");
        Path invalidUtf8 = Files.write(work.resolve("invalid.txt"),
                new byte[] {'n', 'e', 'w', 's', ' ', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '(', ' ', 'x'});
        kcat(List.of(malformed.toString(), invalidUtf8.toString()));
        kcatStdin("empty-record:\n", "-K:"); // key "empty-record", zero-length value

        try (KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> dlq = client.readUntil(Topics.DLQ, PIPELINE_TIMEOUT,
                    records -> records.size() >= 3);
            Map<String, String> codes = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : dlq) {
                String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.ISO_8859_1);
                codes.put(value, KafkaTestClient.header(r, DeadLetterHeaders.REASON_CODE));
                assertNotNull(KafkaTestClient.header(r, DeadLetterHeaders.REASON), "human reason");
                assertEquals(Topics.RAW, KafkaTestClient.header(r, DeadLetterHeaders.SOURCE_TOPIC));
                assertNotNull(KafkaTestClient.header(r, DeadLetterHeaders.SOURCE_OFFSET));
                assertNotNull(KafkaTestClient.header(r, DeadLetterHeaders.TIME));
            }
            assertEquals(3, dlq.size(), "exactly the three bad records: " + codes);
            assertEquals("invalid-json", codes.get("{\"content\": \"unterminated"));
            assertEquals("invalid-utf8", codes.get(new String(Files.readAllBytes(invalidUtf8), StandardCharsets.ISO_8859_1)));
            assertEquals("empty-content", codes.get(""));
        }
        // the bad records did not disturb anything stored
        given().baseUri(query.baseUrl()).queryParam("limit", 100).when().get("/articles")
                .then().statusCode(200).body("items", hasSize(5));
    }

    @Test
    @Order(4)
    void theHttpIngestPathWorksTheSame() throws Exception {
        // A new lead paragraph makes this a different article from seed 002 (an identical body would rightly be
        // stored as an exact-duplicate alias of the seed).
        String body = "The allies will sign the pact in Washington next week, officials in Tokyo said on Friday.\n\n"
                + Files.readString(seeds.resolve("002_e77d0d172dfe60e5.txt"));
        String envelope = JSON.writeValueAsString(Map.of(
                "url", "https://e2e.example/news/pact?utm_source=test",
                "source", "e2e.example",
                "title", "US and Japan set to sign new defense pact",
                "publishedAt", "2022-01-07T10:00:00Z",
                "content", body));
        String id = given().baseUri(ingest.baseUrl()).contentType(ContentType.JSON).body(envelope)
                .when().post("/articles").then().statusCode(202).extract().path("accepted[0].id");
        assertNotNull(id);

        String good = JSON.writeValueAsString(Map.of("url", "https://e2e.example/news/second", "source", "e2e.example",
                "content", "Second article. " + body));
        String ndjson = good + "\n{\"content\": 42}\n";
        String batchResponse = given().baseUri(ingest.baseUrl()).contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .when().post("/articles/batch").then().statusCode(400)
                .contentType("application/problem+json").extract().asString();
        JsonNode problem = JSON.readTree(batchResponse);
        assertEquals(1, problem.path("errors").size(), batchResponse);
        assertEquals(1, problem.path("errors").get(0).path("index").asInt(), batchResponse);
        assertEquals(1, problem.path("accepted").size(), batchResponse);
        String secondId = problem.path("accepted").get(0).path("id").asText();

        for (String expected : List.of(id, secondId)) {
            await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    given().baseUri(query.baseUrl()).when().get("/articles/" + expected).then().statusCode(200));
        }
        JsonNode stored = JSON.readTree(given().baseUri(query.baseUrl()).when().get("/articles/" + id).asString());
        assertEquals("US and Japan set to sign new defense pact", stored.path("title").asText());
        assertEquals("2022-01-07", stored.path("publishedAt").asText().substring(0, 10));
        assertEquals("https://e2e.example/news/pact", stored.path("canonicalUrl").asText());
        given().baseUri(query.baseUrl()).queryParam("url", "http://www.e2e.example/news/pact/").when().get("/articles")
                .then().statusCode(200).body("items", hasSize(1));

        // the same envelope again is idempotent
        given().baseUri(ingest.baseUrl()).contentType(ContentType.JSON).body(envelope)
                .when().post("/articles").then().statusCode(202);
        awaitNoConsumerLag();
        // Both are seed 002 with a paragraph added: stored, but as near-duplicates of the seed (first seen), which
        // the default listing hides.
        String seed002 = seedId(seeds.resolve("002_e77d0d172dfe60e5.txt"));
        for (String copy : List.of(id, secondId)) {
            JsonNode a = JSON.readTree(given().baseUri(query.baseUrl()).when().get("/articles/" + copy).asString());
            assertEquals("near", a.path("duplicateKind").asText(), copy);
            assertEquals(seed002, a.path("duplicateOf").asText(), copy);
            assertTrue(a.path("similarity").asDouble() >= 0.8, copy + " similarity " + a.path("similarity"));
        }
        given().baseUri(query.baseUrl()).queryParam("limit", 100).queryParam("duplicates", "include").when()
                .get("/articles").then().statusCode(200).body("items", hasSize(7));
        given().baseUri(query.baseUrl()).queryParam("limit", 100).when().get("/articles")
                .then().statusCode(200).body("items", hasSize(5));
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static List<Path> seedFiles() throws IOException {
        try (Stream<Path> files = Files.list(seeds)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().collect(Collectors.toList());
        }
    }

    /** The id ingest derives for a bare seed without url or source: from the normalised content. */
    private static String seedId(Path file) throws IOException {
        String text = Normalizer.normalize(Files.readString(file), Normalizer.Form.NFC);
        return ArticleIds.derive(null, null, null, text);
    }

    private static void kcat(List<String> files) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("kcat", "-P", "-b", broker.bootstrapServers(), "-t", Topics.RAW));
        cmd.addAll(files);
        run(cmd, null);
    }

    private static void kcatStdin(String input, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("kcat", "-P", "-b", broker.bootstrapServers(), "-t", Topics.RAW));
        cmd.addAll(List.of(extra));
        run(cmd, input);
    }

    private static void run(List<String> cmd, String stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kcat timed out");
        assertEquals(0, p.exitValue(), "kcat failed: " + out);
    }

    private static boolean kcatAvailable() {
        try {
            return new ProcessBuilder("kcat", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Waits until every service's consumer group has committed up to the end of its input topic. */
    private static void awaitNoConsumerLag() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
                // all three stages in flow order, so a record still travelling shows up as lag somewhere
                for (String group : List.of("newsflow-ingest", "newsflow-enrich", "newsflow-query")) {
                    if (lag(admin, group, GROUPS.get(group)) > 0) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    private static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int i = 0; i < partitions; i++) {
            request.put(new TopicPartition(topic, i), OffsetSpec.latest());
        }
        long lag = 0;
        for (var e : admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset()));
        }
        return lag;
    }

}
