package io.newsflow.query.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.Problem;
import io.newsflow.query.domain.CursorCodec;
import io.newsflow.query.domain.PageKey;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Error responses (always problem+json, never a 500 for bad input), OpenAPI, health and metrics. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL)
class ApiContractTest {

    @Inject
    CursorCodec cursors;

    private static ValidatableResponse badRequest(Map<String, ?> query, String field, String code) {
        return given().queryParams(query).get("/articles").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("type", equalTo("urn:newsflow:problem:bad-parameter"))
                .body("instance", equalTo("/articles"))
                .body("errors.field", hasItem(field))
                .body("errors.code", hasItem(code))
                .body(not(containsString("Exception")));
    }

    @Test
    void badDates() {
        badRequest(Map.of("from", "yesterday"), "from", "bad-date");
        badRequest(Map.of("to", "2024-02-30"), "to", "bad-date");
        badRequest(Map.of("from", "2024-06-01", "to", "2024-05-01"), "from", "bad-range");
    }

    @Test
    void limitOutOfRangeOrNotANumber() {
        badRequest(Map.of("limit", "0"), "limit", "out-of-range");
        badRequest(Map.of("limit", "101"), "limit", "out-of-range");
        badRequest(Map.of("limit", "twenty"), "limit", "not-a-number");
    }

    @Test
    void unknownSortOrDuplicatesValue() {
        badRequest(Map.of("sort", "oldest"), "sort", "unknown-value");
        badRequest(Map.of("sort", "relevance"), "sort", "needs-query");
        badRequest(Map.of("duplicates", "sometimes"), "duplicates", "unknown-value");
    }

    @Test
    void tamperedOrForeignCursor() {
        String cursor = cursors.encode(PageKey.published(Instant.parse("2024-05-01T00:00:00Z"), "abc"));
        given().queryParam("cursor", cursor).get("/articles").then().statusCode(200);
        badRequest(Map.of("cursor", cursor.substring(1)), "cursor", "bad-cursor");
        badRequest(Map.of("cursor", "x" + cursor), "cursor", "bad-cursor");
        badRequest(Map.of("cursor", "not-a-cursor"), "cursor", "bad-cursor");
        badRequest(Map.of("cursor", new CursorCodec("someone-else", 1024)
                .encode(PageKey.published(Instant.now(), "abc"))), "cursor", "bad-cursor");
        badRequest(Map.of("cursor", cursor, "q", "x", "sort", "relevance"), "cursor", "bad-cursor");
    }

    @Test
    void overLongQueryAndOtherBadFilters() {
        given().queryParam("q", "a".repeat(500)).get("/articles").then().statusCode(200);
        badRequest(Map.of("q", "a".repeat(501)), "q", "too-long");
        badRequest(Map.of("url", "example.com/no-scheme"), "url", "bad-url");
        badRequest(Map.of("lang", "english!"), "lang", "bad-language");
    }

    @Test
    void severalBadParametersAreAllNamed() {
        given().queryParams(Map.of("limit", "-1", "sort", "x", "from", "x")).get("/articles").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("from", "sort", "limit"));
    }

    @Test
    void unknownArticleIs404Problem() {
        given().get("/articles/{id}", "0000000000000000").then()
                .statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404))
                .body("type", equalTo("urn:newsflow:problem:not-found"))
                .body("instance", equalTo("/articles/0000000000000000"));
    }

    @Test
    void frameworkErrorsAreProblemsToo() {
        given().get("/no-such-endpoint").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
        given().post("/articles").then().statusCode(405).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(405));
        given().delete("/articles/abc").then().statusCode(405).contentType(Problem.MEDIA_TYPE);
        given().accept("application/xml").get("/articles").then().statusCode(406)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void openApiDescribesEveryParameterWithExamples() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/articles'.get.parameters.name",
                        org.hamcrest.Matchers.containsInAnyOrder("q", "source", "lang", "from", "to", "url",
                                "duplicates", "sort", "limit", "cursor", "entity", "story", "collapse", "facets"))
                .body("paths.'/articles'.get.parameters.example", not(hasItem(org.hamcrest.Matchers.nullValue())))
                .body("paths.'/articles'.get.parameters.description",
                        not(hasItem(org.hamcrest.Matchers.nullValue())))
                .body("paths.'/articles/{id}'.get.responses.'404'.content.'application/problem+json'",
                        org.hamcrest.Matchers.notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void openApiDescribesEveryEndpointWithExamplesAndProblems() {
        io.restassured.path.json.JsonPath api = given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        for (String path : java.util.List.of("/articles", "/articles/{id}", "/articles/{id}/duplicates", "/stories",
                "/stories/{id}", "/entities", "/entities/{id}/articles", "/histogram", "/stream")) {
            String get = "paths.'" + path + "'.get";
            org.junit.jupiter.api.Assertions.assertNotNull(api.get(get), path);
            org.junit.jupiter.api.Assertions.assertFalse(
                    api.getList(get + ".parameters.example").contains(null), "every parameter has an example: " + path);
            org.junit.jupiter.api.Assertions.assertFalse(
                    api.getList(get + ".parameters.description").contains(null), "every parameter described: " + path);
            if (!path.equals("/articles/{id}")) {
                org.junit.jupiter.api.Assertions.assertNotNull(
                        api.get(get + ".responses.'400'.content.'application/problem+json'"), path);
            }
        }
    }

    @Test
    void healthCoversKafkaAndDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheus() {
        given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("newsflow_query_articles_stored_total"))
                .body(containsString("newsflow_query_stale_ignored_total"))
                .body(containsString("newsflow_query_aliases_recorded_total"))
                .body(containsString("newsflow_query_dead_lettered_total"));
    }
}
