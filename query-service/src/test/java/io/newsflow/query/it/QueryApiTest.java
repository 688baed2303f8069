package io.newsflow.query.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.Problem;
import io.newsflow.testsupport.InjectKafkaBootstrap;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.KafkaTestClient;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Entity and story filters, collapse, sort=ingested, facets, duplicates, stories, entities and the histogram.
 * Real broker, real database; each run uses sources and story ids of its own.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL)
class QueryApiTest {

    @InjectKafkaBootstrap
    String bootstrap;

    KafkaTestClient kafka;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String srcA = "qa-a-" + run;
    final String srcB = "qa-b-" + run;
    final String storyQuake = "quake-" + run;
    final String storyVote = "vote-" + run;

    static final EntityMention JAPAN = new EntityMention("COUNTRY", "Japan", "JP", 3);
    static final EntityMention CHILE = new EntityMention("COUNTRY", "Chile", "CL", 1);
    static final EntityMention KISHIDA = new EntityMention("PERSON", "Fumio Kishida", null, 2);
    static final EntityMention JMA = new EntityMention("ORG", "Japan Meteorological Agency", null, 1);

    final TestArticle quake1 = new TestArticle().source(srcA).title("Earthquake strikes northern Japan")
            .text("A powerful earthquake struck northern Japan.").storyId(storyQuake)
            .entities(List.of(JAPAN, JMA)).publishedAt(Instant.parse("2024-05-01T10:00:00Z"))
            .ingestedAt(Instant.parse("2024-05-03T00:00:00Z"));
    final TestArticle quake2 = new TestArticle().source(srcB).title("Japan counts quake damage")
            .text("Kishida visited the region hit by the earthquake.").storyId(storyQuake)
            .entities(List.of(JAPAN, KISHIDA)).publishedAt(Instant.parse("2024-05-02T09:30:00Z"))
            .ingestedAt(Instant.parse("2024-05-02T10:00:00Z"));
    final TestArticle quake3 = new TestArticle().source(srcB).title("Aftershocks rattle Japan")
            .text("Aftershocks followed the earthquake.").storyId(storyQuake)
            .entities(List.of(JAPAN)).publishedAt(Instant.parse("2024-05-02T15:00:00Z"))
            .ingestedAt(Instant.parse("2024-05-01T00:00:00Z"));
    final TestArticle quakeCopy = new TestArticle().source(srcA).title("Earthquake strikes northern Japan (wire)")
            .text("A powerful earthquake struck northern Japan. (Wire)").storyId(storyQuake)
            .entities(List.of(JAPAN)).publishedAt(Instant.parse("2024-05-01T11:00:00Z"))
            .nearDuplicateOf(quake1.id, 0.95);
    final TestArticle vote = new TestArticle().source(srcA).title("Chile votes on new constitution")
            .text("Voters in Chile went to the polls.").storyId(storyVote)
            .entities(List.of(CHILE)).publishedAt(Instant.parse("2024-05-04T08:00:00Z"))
            .ingestedAt(Instant.parse("2024-05-04T09:00:00Z"));
    final TestArticle loner = new TestArticle().source(srcB).title("Local bakery wins prize")
            .text("A bakery won a national prize.").entities(List.of())
            .publishedAt(Instant.parse("2024-05-03T12:00:00Z")).ingestedAt(Instant.parse("2024-05-05T00:00:00Z"));

    boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        kafka = new KafkaTestClient(bootstrap);
        Pipeline.publish(kafka, quake1, quake2, quake3, quakeCopy, vote, loner);
        Pipeline.awaitList(Map.of("source", List.of(srcA, srcB), "duplicates", "include"), 6);
        seeded = true;
    }

    @AfterAll
    void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private List<String> ids(Object... keyValues) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("source", List.of(srcA, srcB));
        for (int i = 0; i < keyValues.length; i += 2) {
            query.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Pipeline.ids(query);
    }

    private JsonPath page(Map<String, ?> query) {
        Map<String, Object> q = new LinkedHashMap<>(query);
        q.put("source", List.of(srcA, srcB));
        return given().queryParams(q).get("/articles").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void entityFilterByIdOrNameAllMustMatch() {
        assertEquals(List.of(quake3.id, quake2.id, quake1.id), ids("entity", "JP"));
        assertEquals(List.of(quake3.id, quake2.id, quake1.id), ids("entity", "japan"), "canonical name, any case");
        assertEquals(List.of(quake2.id), ids("entity", "person:fumio-kishida"));
        assertEquals(List.of(quake2.id), ids("entity", List.of("JP", "Fumio Kishida")), "all given must match");
        assertEquals(List.of(), ids("entity", List.of("JP", "CL")));
        assertEquals(List.of(vote.id), ids("entity", "CL"));
        assertEquals(List.of(quake3.id, quake2.id, quakeCopy.id, quake1.id),
                ids("entity", "JP", "duplicates", "include"));
    }

    @Test
    void storyFilterIsRepeatable() {
        assertEquals(List.of(quake3.id, quake2.id, quake1.id), ids("story", storyQuake));
        assertEquals(List.of(vote.id, quake3.id, quake2.id, quake1.id), ids("story", List.of(storyQuake, storyVote)));
        assertEquals(List.of(), ids("story", "no-such-story"));
    }

    @Test
    void collapseGivesOneArticlePerStoryWithCounts() {
        JsonPath p = page(Map.of("collapse", "story"));
        assertEquals(List.of(vote.id, loner.id, quake3.id), p.getList("items.id"));
        assertEquals(storyQuake, p.getString("items[2].collapsed.storyId"));
        assertEquals(2, p.getInt("items[2].collapsed.otherArticles"), "duplicates excluded by default");
        assertEquals(2, p.getInt("items[2].collapsed.sources"));
        assertEquals(0, p.getInt("items[0].collapsed.otherArticles"));
        assertNull(p.get("items[1].collapsed.storyId"), "an article without story stands alone");

        JsonPath withCopies = page(Map.of("collapse", "story", "duplicates", "include", "q", "earthquake"));
        assertEquals(List.of(quake3.id), withCopies.getList("items.id"));
        assertEquals(3, withCopies.getInt("items[0].collapsed.otherArticles"));
        // The representative follows the sort: by relevance the title match wins.
        JsonPath byRelevance = page(Map.of("collapse", "story", "q", "earthquake japan", "sort", "relevance"));
        assertEquals(List.of(quake1.id), byRelevance.getList("items.id"));

        // Paging collapsed results with a cursor visits every group once.
        List<String> seen = Pipeline.pageThrough(Map.of("source", List.of(srcA, srcB), "collapse", "story",
                "limit", "1"), n -> { });
        assertEquals(List.of(vote.id, loner.id, quake3.id), seen);
    }

    @Test
    void sortByIngestedNewestFirstWithCursor() {
        assertEquals(List.of(loner.id, vote.id, quake1.id, quake2.id, quake3.id), ids("sort", "ingested"));
        List<String> paged = Pipeline.pageThrough(Map.of("source", List.of(srcA, srcB), "sort", "ingested",
                "limit", "2"), n -> { });
        assertEquals(List.of(loner.id, vote.id, quake1.id, quake2.id, quake3.id), paged);
    }

    @Test
    void facetsCountEveryMatchForTheCurrentFilters() {
        JsonPath p = page(Map.of("facets", "source,lang,entity,day", "limit", "1"));
        assertEquals(1, p.getList("items").size());
        assertEquals(List.of(srcB, srcA), p.getList("facets.source.value"));
        assertEquals(List.of(3, 2), p.getList("facets.source.count"));
        assertEquals(Boolean.FALSE, p.get("facetsApproximate"), "few matches: exact counts");
        assertEquals(List.of("en"), p.getList("facets.lang.value"));
        assertEquals(List.of(5), p.getList("facets.lang.count"));
        assertEquals("JP", p.getString("facets.entity[0].value"));
        assertEquals(3, p.getInt("facets.entity[0].count"));
        assertEquals("COUNTRY", p.getString("facets.entity[0].type"));
        assertEquals("Japan", p.getString("facets.entity[0].name"));
        assertEquals(List.of("2024-05-04", "2024-05-03", "2024-05-02", "2024-05-01"), p.getList("facets.day.value"));
        assertEquals(List.of(1, 1, 2, 1), p.getList("facets.day.count"));

        // Facets follow the query and filters, and are repeatable as parameters.
        JsonPath q = given().queryParam("source", srcA, srcB).queryParam("q", "earthquake")
                .queryParam("facets", "source").queryParam("facets", "entity").get("/articles").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(srcB, srcA), q.getList("facets.source.value"));
        assertEquals(List.of(2, 1), q.getList("facets.source.count"));
        assertEquals(List.of("JP"), q.getList("facets.entity.value").subList(0, 1));
        assertTrue(q.getMap("facets").keySet().containsAll(List.of("source", "entity")));
        assertNull(page(Map.of()).get("facets"), "no facets unless asked");
    }

    @Test
    void duplicatesOfAnArticle() {
        JsonPath d = given().get("/articles/{id}/duplicates", quake1.id).then().statusCode(200).extract().jsonPath();
        assertEquals(quake1.id, d.getString("articleId"));
        assertEquals(List.of(quakeCopy.id), d.getList("items.id"));
        assertEquals(List.of(), d.getList("exactDuplicates"));
        given().get("/articles/{id}/duplicates", "0000000000000000").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        given().queryParam("limit", "0").get("/articles/{id}/duplicates", quake1.id).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void storiesListedByActivityOrSizeAndFiltered() {
        JsonPath bySize = given().queryParam("source", srcA, srcB).queryParam("sort", "size").get("/stories")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(storyQuake, storyVote), bySize.getList("items.id"));
        assertEquals(4, bySize.getInt("items[0].articleCount"), "the story counts its near-duplicate too");
        assertEquals(2, bySize.getInt("items[0].sourceCount"));
        assertEquals("2024-05-01T10:00:00Z", bySize.getString("items[0].firstPublishedAt"));
        assertEquals("2024-05-02T15:00:00Z", bySize.getString("items[0].lastActivityAt"));

        JsonPath byActivity = given().queryParam("source", srcA, srcB).get("/stories").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(storyVote, storyQuake), byActivity.getList("items.id"));

        assertEquals(List.of(storyVote), given().queryParam("source", srcA, srcB).queryParam("entity", "CL")
                .get("/stories").then().statusCode(200).extract().jsonPath().getList("items.id"));

        // Cursor paging over one story per page.
        JsonPath first = given().queryParam("source", srcA, srcB).queryParam("limit", "1").get("/stories").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(storyVote), first.getList("items.id"));
        JsonPath second = given().queryParam("source", srcA, srcB).queryParam("limit", "1")
                .queryParam("cursor", first.getString("nextCursor")).get("/stories").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(storyQuake), second.getList("items.id"));
        assertNull(second.get("nextCursor"));
        // A cursor of another order or list is refused.
        given().queryParam("sort", "size").queryParam("cursor", first.getString("nextCursor")).get("/stories")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().queryParam("sort", "biggest").get("/stories").then().statusCode(400)
                .body("errors.field", hasItem("sort"));
    }

    @Test
    void storyDetailHasArticlesSourcesEntitiesAndTimeline() {
        JsonPath s = given().get("/stories/{id}", storyQuake).then().statusCode(200).extract().jsonPath();
        assertEquals(storyQuake, s.getString("id"));
        assertEquals(4, s.getInt("articleCount"));
        assertEquals(List.of(quake3.id, quake2.id, quakeCopy.id, quake1.id), s.getList("articles.id"));
        assertEquals(new HashSet<>(List.of(srcA, srcB)), new HashSet<>(s.getList("sources.value")));
        assertEquals(List.of(2, 2), s.getList("sources.count"));
        assertEquals("JP", s.getString("topEntities[0].id"));
        assertEquals(4, s.getInt("topEntities[0].articles"));
        assertEquals(List.of("2024-05-01", "2024-05-02"), s.getList("timeline.value"));
        assertEquals(List.of(2, 2), s.getList("timeline.count"));
        given().get("/stories/{id}", "no-such-story").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void topEntitiesByTypeForAQueryAndDateRange() {
        JsonPath all = given().queryParam("source", srcA, srcB).get("/entities").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("JP", all.getString("items[0].id"));
        assertEquals(3, all.getInt("items[0].articles"));
        assertEquals(4, all.getList("items").size());

        JsonPath people = given().queryParam("source", srcA, srcB).queryParam("type", "person").get("/entities")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("person:fumio-kishida"), people.getList("items.id"));
        assertEquals("Fumio Kishida", people.getString("items[0].name"));

        JsonPath inRange = given().queryParam("source", srcA, srcB).queryParam("from", "2024-05-04")
                .get("/entities").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CL"), inRange.getList("items.id"));

        given().queryParam("type", "ANIMAL").get("/entities").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("type"));
    }

    @Test
    void articlesOfAnEntity() {
        JsonPath p = given().queryParam("source", srcA, srcB).get("/entities/{id}/articles", "JP").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(quake3.id, quake2.id, quake1.id), p.getList("items.id"));
        JsonPath byName = given().queryParam("source", srcA, srcB).queryParam("limit", "1")
                .get("/entities/{id}/articles", "Japan Meteorological Agency").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(quake1.id), byName.getList("items.id"));
        given().get("/entities/{id}/articles", "nobody-" + run).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void histogramPerDayAndHour() {
        JsonPath day = given().queryParam("source", srcA, srcB).get("/histogram").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("day", day.getString("interval"));
        assertEquals(List.of("2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z", "2024-05-03T00:00:00Z",
                "2024-05-04T00:00:00Z"), day.getList("buckets.start"));
        assertEquals(List.of(1, 2, 1, 1), day.getList("buckets.count"));
        JsonPath hour = given().queryParam("source", srcA, srcB).queryParam("interval", "hour")
                .queryParam("q", "earthquake").get("/histogram").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2024-05-01T10:00:00Z", "2024-05-02T09:00:00Z", "2024-05-02T15:00:00Z"),
                hour.getList("buckets.start"));
        given().queryParam("interval", "week").get("/histogram").then().statusCode(400)
                .body("errors.field", hasItem("interval"));
        given().queryParam("from", "nope").get("/histogram").then().statusCode(400)
                .body("errors.field", hasItem("from"));
    }

    @Test
    void newParametersAreValidated() {
        given().queryParam("facets", "source,color").get("/articles").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("facets"))
                .body("errors.code", hasItem("unknown-value"));
        given().queryParam("collapse", "source").get("/articles").then().statusCode(400)
                .body("errors.field", hasItem("collapse"));
        given().queryParam("entity", "x".repeat(3000)).get("/articles").then().statusCode(400)
                .body("errors.field", hasItem("entity"));
        given().queryParam("sort", "ingested").get("/articles").then().statusCode(200);
        given().queryParam("story", "s").queryParam("limit", "500").get("/stories").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        given().queryParam("lang", "!!").get("/entities").then().statusCode(400).body("status", equalTo(400));
    }
}
