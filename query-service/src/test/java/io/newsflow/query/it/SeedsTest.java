package io.newsflow.query.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.EntityMention;
import io.newsflow.testsupport.InjectKafkaBootstrap;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.KafkaTestClient;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The five seed articles (read in place from the shared data), published as EnrichedArticle events with their
 * hand-labelled story ids and entities, as enrich-service would.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL)
class SeedsTest {

    /** ISO 3166 codes of the countries the labels name, as the enricher would attach them. */
    private static final Map<String, String> COUNTRY_CODES = Map.ofEntries(Map.entry("United States", "US"),
            Map.entry("Japan", "JP"), Map.entry("China", "CN"), Map.entry("Taiwan", "TW"),
            Map.entry("Australia", "AU"), Map.entry("Canada", "CA"), Map.entry("Germany", "DE"),
            Map.entry("North Korea", "KP"), Map.entry("South Korea", "KR"), Map.entry("Philippines", "PH"),
            Map.entry("United Kingdom", "GB"), Map.entry("Ukraine", "UA"), Map.entry("Russia", "RU"),
            Map.entry("Israel", "IL"));

    @InjectKafkaBootstrap
    String bootstrap;

    KafkaTestClient kafka;

    /** Seed number ("000") to its article id. */
    final Map<String, String> ids = new HashMap<>();
    final List<String> sources = new ArrayList<>();
    boolean seeded;

    @BeforeEach
    void seed() throws IOException {
        if (seeded) {
            return;
        }
        Path seeds = Path.of(System.getProperty("newsflow.shared.data", "../../shared/data"), "seeds");
        JsonNode labels = ContractJson.mapper().readTree(seeds.resolve("labels.json").toFile());
        List<TestArticle> articles = new ArrayList<>();
        try (var files = Files.list(seeds)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String name = file.getFileName().toString();
                String number = name.substring(0, 3);
                JsonNode label = labels.get(name);
                String text = Files.readString(file);
                String source = "seed-" + number + ".example";
                TestArticle a = new TestArticle().id(name.substring(4, name.length() - 4)).source(source)
                        .title(label.path("title").isTextual() ? label.get("title").asText() : firstLine(text))
                        .text(text).storyId(label.get("story").asText()).entities(entities(label.get("entities"), text))
                        .publishedAt(label.path("date").isTextual()
                                ? LocalDate.parse(label.get("date").asText()).atStartOfDay(ZoneOffset.UTC).toInstant()
                                : null);
                ids.put(number, a.id);
                sources.add(source);
                articles.add(a);
            }
        }
        kafka = new KafkaTestClient(bootstrap);
        Pipeline.publish(kafka, articles.toArray(TestArticle[]::new));
        Pipeline.awaitList(Map.of("source", sources), 5);
        seeded = true;
    }

    @AfterAll
    void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static String firstLine(String text) {
        return text.strip().split("\\R", 2)[0];
    }

    private static List<EntityMention> entities(JsonNode byType, String text) {
        List<EntityMention> result = new ArrayList<>();
        byType.fields().forEachRemaining(e -> e.getValue().forEach(n -> {
            String name = n.asText();
            int mentions = Math.max(1, text.split(Pattern.quote(name), -1).length - 1);
            result.add(new EntityMention(e.getKey(), name, "COUNTRY".equals(e.getKey()) ? COUNTRY_CODES.get(name)
                    : null, mentions));
        }));
        return result;
    }

    private Set<String> idSet(String... numbers) {
        Set<String> set = new HashSet<>();
        for (String n : numbers) {
            set.add(ids.get(n));
        }
        return set;
    }

    @Test
    void nanseiFindsTheThreeArticlesThatMentionIt() {
        List<String> found = Pipeline.ids(Map.of("source", sources, "q", "Nansei"));
        assertEquals(3, found.size(), found.toString());
        assertEquals(idSet("000", "001", "002"), new HashSet<>(found));
        List<String> ranked = Pipeline.ids(Map.of("source", sources, "q", "Nansei", "sort", "relevance"));
        assertEquals(idSet("000", "001", "002"), new HashSet<>(ranked));
    }

    @Test
    void collapseByStoryGroupsTheTwoReportsOfThePlan() {
        JsonPath page = given().queryParam("source", sources).queryParam("collapse", "story").get("/articles")
                .then().statusCode(200).extract().jsonPath();
        List<String> items = page.getList("items.id");
        assertEquals(4, items.size(), items.toString());
        assertEquals(Set.of(ids.get("000"), ids.get("002"), ids.get("003"), ids.get("004")), new HashSet<>(items));
        int i = items.indexOf(ids.get("000"));
        assertEquals("us-japan-taiwan-plan-2021-12", page.getString("items[" + i + "].collapsed.storyId"));
        assertEquals(1, page.getInt("items[" + i + "].collapsed.otherArticles"), "001 is folded into 000's story");
        assertEquals(2, page.getInt("items[" + i + "].collapsed.sources"));

        JsonPath nansei = given().queryParam("source", sources).queryParam("collapse", "story")
                .queryParam("q", "Nansei").get("/articles").then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of(ids.get("000"), ids.get("002")), new HashSet<>(nansei.getList("items.id")));
    }

    @Test
    void seedStoriesAndEntities() {
        JsonPath story = given().get("/stories/{id}", "us-japan-taiwan-plan-2021-12").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(idSet("000", "001"), new HashSet<>(story.getList("articles.id")));
        assertEquals(2, story.getInt("sourceCount"));
        assertEquals(Set.of("JP", "US", "CN", "TW"), new HashSet<>(story.getList("topEntities.id").subList(0, 4)),
                "the four countries both reports name come first");
        assertEquals(idSet("000", "001", "002"),
                new HashSet<>(Pipeline.ids(Map.of("source", sources, "entity", "Nansei Islands"))));
        assertEquals(idSet("002", "004"),
                new HashSet<>(Pipeline.ids(Map.of("source", sources, "entity", "person:fumio-kishida"))));
    }
}
