package io.newsflow.enrich.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.Problem;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class PreviewAndOpsTest {

    @Test
    void previewsPlainText() {
        given().contentType("text/plain")
                .body("Monday, April 22, 2024\n\nAllies draw up a joint plan\n\nSkip to main content\n\n"
                        + "Japanese and American troops have drawn up a draft plan for an emergency, officials said.")
                .when().post("/enrich/preview")
                .then().statusCode(200)
                .body("title", equalTo("Allies draw up a joint plan"))
                .body("publishedAt", equalTo("2024-04-22T00:00:00Z"))
                .body("publishedAtSource", equalTo("text-header"))
                .body("language", equalTo("en"))
                .body("text", not(containsString("Skip to main content")))
                .body("version", equalTo(0))
                .body("duplicateOf", nullValue())
                .body("provenance.text", equalTo("text"));
    }

    @Test
    void previewsAnEnvelopeWithHtml() {
        given().contentType("application/json")
                .body("{\"url\":\"https://www.example.com/a\",\"author\":\"Jane Roe\",\"publishedAt\":\"5 March 2024\","
                        + "\"contentType\":\"text/html\",\"content\":\"<html><head><title>Budget passes - Example</title>"
                        + "</head><body><nav>Home</nav><p>The budget passed parliament on Tuesday after a long debate.</p>"
                        + "</body></html>\"}")
                .when().post("/enrich/preview")
                .then().statusCode(200)
                .body("title", equalTo("Budget passes"))
                .body("authors", hasItem("Jane Roe"))
                .body("publishedAt", equalTo("2024-03-05T00:00:00Z"))
                .body("text", equalTo("The budget passed parliament on Tuesday after a long debate."))
                .body("canonicalUrl", equalTo("https://example.com/a"))
                .body("provenance.text", equalTo("html"));
    }

    @Test
    void badInputGetsProblemJson() {
        given().contentType("application/json").body("{\"content\": ")
                .when().post("/enrich/preview")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:newsflow:problem:invalid-json"))
                .body("status", equalTo(400))
                .body(not(containsString("at io.")));
        given().contentType("application/json").body("{\"content\": 42}")
                .when().post("/enrich/preview")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:newsflow:problem:invalid-envelope"));
        given().contentType("text/plain").body("   ")
                .when().post("/enrich/preview")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:newsflow:problem:empty-content"));
        given().contentType("text/plain").body("x".repeat(2 * 1024 * 1024 + 1))
                .when().post("/enrich/preview")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/xml").body("<a/>")
                .when().post("/enrich/preview")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE);
        given().when().get("/enrich/preview")
                .then().statusCode(405).contentType(Problem.MEDIA_TYPE);
        given().when().get("/enrich/nothing-here")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void healthMetricsAndOpenApi() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("enrichment-pipeline"))
                .body(containsString("Kafka"))
                .body(containsString("Database connections health check"));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("newsflow_enrich_stage"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/enrich/preview"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
