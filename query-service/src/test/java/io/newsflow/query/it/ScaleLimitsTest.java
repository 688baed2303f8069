package io.newsflow.query.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.newsflow.testsupport.InjectKafkaBootstrap;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.KafkaTestClient;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The shortcuts that keep common queries fast at scale, with tiny limits so that they apply to a few rows:
 * relevance ranked among the newest matches only, and facets counted on a sample; both said in the response.
 */
@QuarkusTest
@TestProfile(ScaleLimitsTest.TinyLimits.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL)
class ScaleLimitsTest {

    /**
     * Rank at most 3 candidates; sample facets whatever the match count (sample-rows 0: the smallest sample, one
     * hash bucket of 1024, even when the planner expects a single match).
     */
    public static class TinyLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.query.search.relevance-candidates", "3",
                    "newsflow.query.facets.exact-max-matches", "0",
                    "newsflow.query.facets.sample-rows", "0");
        }
    }

    @InjectKafkaBootstrap
    String bootstrap;

    final String source = "scale-" + UUID.randomUUID();
    final String fewSource = "scale-few-" + UUID.randomUUID();
    final List<TestArticle> glaciers = new ArrayList<>();
    KafkaTestClient kafka;
    boolean seeded;

    /** Seeds once, before the first test (RestAssured is only pointed at the app for test methods). */
    @BeforeEach
    void publish() {
        if (seeded) {
            return;
        }
        kafka = new KafkaTestClient(bootstrap);
        for (int i = 0; i < 5; i++) {
            // Oldest first; the older ones mention the term more often, so an unlimited ranking would prefer them.
            glaciers.add(new TestArticle().source(source).title("Report " + i)
                    .text("glacier ".repeat(5 - i) + "melt measured in the valley, report " + i)
                    .publishedAt(Instant.parse("2024-07-01T00:00:00Z").plusSeconds(3600L * i)));
        }
        List<TestArticle> all = new ArrayList<>(glaciers);
        all.add(new TestArticle().source(fewSource).title("Glacier retreat").text("The glacier retreated again."));
        Pipeline.publish(kafka, all.toArray(TestArticle[]::new));
        Pipeline.awaitList(Map.of("source", List.of(source, fewSource)), 6);
        seeded = true;
    }

    @AfterAll
    void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void relevanceRanksOnlyTheNewestMatchesAndSaysSoOnEveryPage() {
        Map<String, Object> query = Map.of("source", source, "q", "glacier", "sort", "relevance", "limit", "2");
        JsonPath first = given().queryParams(query).get("/articles").then().statusCode(200).extract().jsonPath();
        assertEquals(3, first.getInt("rankedAmongNewest"));

        List<String> seen = Pipeline.pageThrough(query, page -> { });
        // The three newest matches, each exactly once, the one with most mentions first.
        assertEquals(List.of(glaciers.get(2).id), seen.subList(0, 1));
        assertEquals(new HashSet<>(List.of(glaciers.get(2).id, glaciers.get(3).id, glaciers.get(4).id)),
                new HashSet<>(seen));
        assertEquals(3, seen.size());
    }

    @Test
    void relevanceWithFewerMatchesThanTheWindowIsExact() {
        JsonPath page = given().queryParams(Map.of("source", fewSource, "q", "glacier", "sort", "relevance"))
                .get("/articles").then().statusCode(200).extract().jsonPath();
        assertEquals(1, page.getList("items").size());
        assertNull(page.get("rankedAmongNewest"));
    }

    @Test
    void sampledFacetsAreFlaggedApproximate() {
        JsonPath page = given().queryParams(Map.of("source", source, "facets", "source,lang,entity,day"))
                .get("/articles").then().statusCode(200).extract().jsonPath();
        assertEquals(Boolean.TRUE, page.get("facetsApproximate"));
        assertTrue(page.getMap("facets").keySet().containsAll(List.of("source", "lang", "entity", "day")));
        // The page itself is never sampled.
        assertEquals(5, page.getList("items").size());
    }
}
