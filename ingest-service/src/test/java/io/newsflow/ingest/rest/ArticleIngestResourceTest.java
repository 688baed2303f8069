package io.newsflow.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.IngestedArticle;
import io.newsflow.contracts.Problem;
import io.newsflow.contracts.Topics;
import io.newsflow.testsupport.InjectKafkaBootstrap;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;

/** HTTP ingest against a real broker: 202 means the articles are on articles.ingested. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ArticleIngestResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NDJSON = "application/x-ndjson";

    @InjectKafkaBootstrap
    String bootstrap;

    @BeforeAll
    static void exactContentTypes() {
        // rest-assured would otherwise append "; charset=ISO-8859-1" to types it does not know
        RestAssured.config = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                .encodeContentTypeAs(NDJSON, ContentType.TEXT)
                .encodeContentTypeAs("application/jsonl", ContentType.TEXT)
                .defaultCharsetForContentType(StandardCharsets.UTF_8.name(), ContentType.TEXT));
    }

    private static String uniqueUrl(String name) {
        return "https://news.example.org/" + name + "/" + UUID.randomUUID();
    }

    private List<IngestedArticle> awaitIngested(Set<String> ids) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            List<ConsumerRecord<String, byte[]>> records = kafka.readUntil(Topics.INGESTED, WAIT,
                    rs -> rs.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(ids));
            List<IngestedArticle> found = records.stream().filter(r -> ids.contains(r.key())).map(r -> {
                try {
                    IngestedArticle a = ContractJson.read(new String(r.value(), StandardCharsets.UTF_8),
                            IngestedArticle.class);
                    assertEquals(r.key(), a.id());
                    return a;
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }).toList();
            assertEquals(ids, found.stream().map(IngestedArticle::id).collect(Collectors.toSet()));
            return found;
        }
    }

    @Test
    void singleArticleIsAcceptedAndPublished() {
        String url = uniqueUrl("single");
        String id = ArticleIds.derive(url, null, null, null);
        given().contentType("application/json")
                .body("{\"url\":\"" + url + "\",\"title\":\"Hello\",\"authors\":[\"A. Writer\"],"
                        + "\"content\":\"<p>Some <b>news</b></p>\"}")
                .when().post("/articles")
                .then().statusCode(202)
                .contentType(startsWith("application/json"))
                .body("accepted", hasSize(1))
                .body("accepted[0].index", equalTo(0))
                .body("accepted[0].id", equalTo(id));

        IngestedArticle a = awaitIngested(Set.of(id)).get(0);
        assertEquals("http", a.channel());
        assertEquals("text/html", a.contentType());
        assertEquals("news.example.org", a.source());
        assertEquals(List.of("A. Writer"), a.authors());
    }

    @Test
    void batchIsAcceptedAndPublished() {
        String url1 = uniqueUrl("batch");
        String url2 = uniqueUrl("batch");
        String body = "{\"url\":\"" + url1 + "\",\"content\":\"first\"}\n\n"
                + "{\"url\":\"" + url2 + "\",\"content\":\"second\",\"publishedAt\":\"2024-04-22\"}\n";
        String id1 = ArticleIds.derive(url1, null, null, null);
        String id2 = ArticleIds.derive(url2, null, null, null);
        given().contentType(NDJSON).body(body)
                .when().post("/articles/batch")
                .then().statusCode(202)
                .body("accepted.index", equalTo(List.of(0, 2)))
                .body("accepted.id", equalTo(List.of(id1, id2)));
        awaitIngested(Set.of(id1, id2));
    }

    @Test
    void jsonlIsAcceptedToo() {
        String url = uniqueUrl("jsonl");
        given().contentType("application/jsonl").body("{\"url\":\"" + url + "\",\"content\":\"x\"}")
                .when().post("/articles/batch")
                .then().statusCode(202)
                .body("accepted[0].id", equalTo(ArticleIds.derive(url, null, null, null)));
    }

    @Test
    void mixedBatchPublishesTheGoodLinesAndNamesTheBadOnes() {
        String good1 = uniqueUrl("mixed");
        String good2 = uniqueUrl("mixed");
        String body = String.join("\n",
                "{\"url\":\"" + good1 + "\",\"content\":\"good one\"}",
                "{\"content\": \"unterminated",
                "",
                "{\"content\":\"x\",\"title\":42}",
                "{\"title\":\"no content\"}",
                "{\"url\":\"" + good2 + "\",\"content\":\"good two\"}",
                "{\"url\":\"not-a-url\",\"content\":\"x\"}");
        String id1 = ArticleIds.derive(good1, null, null, null);
        String id2 = ArticleIds.derive(good2, null, null, null);
        given().contentType(NDJSON).body(body)
                .when().post("/articles/batch")
                .then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("status", equalTo(400))
                .body("type", equalTo("urn:newsflow:problem:invalid-batch"))
                .body("errors.index", equalTo(List.of(1, 3, 4, 6)))
                .body("errors.code", equalTo(List.of("invalid-json", "invalid-envelope", "empty-content",
                        "invalid-envelope")))
                .body("errors[1].field", equalTo("title"))
                .body("errors[3].field", equalTo("url"))
                .body("accepted.index", equalTo(List.of(0, 5)))
                .body("accepted.id", equalTo(List.of(id1, id2)));
        awaitIngested(Set.of(id1, id2));
    }

    @Test
    void invalidEnvelopeIsA400NamingTheField() {
        given().contentType("application/json").body("{\"content\":\"x\",\"language\":\"not a tag\"}")
                .when().post("/articles")
                .then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:newsflow:problem:invalid-envelope"))
                .body("instance", equalTo("/articles"))
                .body("errors[0].field", equalTo("language"))
                .body("errors[0].code", equalTo("invalid-envelope"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType("application/json").body("{\"content\": ")
                .when().post("/articles")
                .then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:newsflow:problem:invalid-json"))
                .body("status", equalTo(400))
                .body(not(containsString("at io.")))
                .body(not(containsString("Exception")));
    }

    @Test
    void tooLargeContentIsA413() {
        String content = "x".repeat(65536 + 1);
        given().contentType("application/json").body("{\"content\":\"" + content + "\"}")
                .when().post("/articles")
                .then().statusCode(413)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:newsflow:problem:too-large"))
                .body("errors[0].field", equalTo("content"));
    }

    @Test
    void tooLargeBatchIsA413() {
        String line = "{\"content\":\"" + "y".repeat(1000) + "\"}\n";
        String body = line.repeat(262144 / line.length() + 1);
        given().contentType(NDJSON).body(body)
                .when().post("/articles/batch")
                .then().statusCode(413)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:newsflow:problem:too-large"));
    }

    @Test
    void tooManyBatchItemsIsA413() {
        String body = "{\"content\":\"z\"}\n".repeat(51);
        given().contentType(NDJSON).body(body)
                .when().post("/articles/batch")
                .then().statusCode(413)
                .contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void emptyBatchIsA400() {
        given().contentType(NDJSON).body("\n  \n")
                .when().post("/articles/batch")
                .then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE));
        given().contentType(NDJSON).body(new byte[0])
                .when().post("/articles/batch")
                .then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void wrongOrMissingContentTypeIsA415() {
        given().contentType("text/plain").body("{\"content\":\"x\"}")
                .when().post("/articles")
                .then().statusCode(415)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:newsflow:problem:unsupported-media-type"));
        given().contentType("application/json").body("{\"content\":\"x\"}")
                .when().post("/articles/batch")
                .then().statusCode(415)
                .contentType(startsWith(Problem.MEDIA_TYPE));
        given().body("{\"content\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                .when().post("/articles")
                .then().statusCode(415)
                .contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void unknownPathIsA404Problem() {
        given().when().get("/no/such/thing")
                .then().statusCode(404)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:newsflow:problem:not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void wrongMethodIsA405Problem() {
        given().when().get("/articles")
                .then().statusCode(405)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("status", equalTo(405));
    }

    @Test
    void opsEndpoints() {
        given().contentType("application/json").body("{\"content\":\"x\",\"contentType\":\"application/pdf\"}")
                .post("/articles").then().statusCode(400)
                .body("errors[0].code", equalTo("unsupported-content-type"));
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("newsflow_ingest_rejected_total"), "rejected counter exported");
        assertTrue(metrics.contains("reason=\"unsupported-content-type\""), "rejections counted by reason");
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/articles/batch"))
                .body(containsString("Ingest a batch of articles"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
