package io.newsflow.query.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.newsflow.query.domain.PageKey;
import io.newsflow.query.domain.SearchCriteria;
import io.newsflow.query.domain.SearchLanguages;
import io.newsflow.query.domain.SearchParameters;
import io.newsflow.query.domain.SearchRequestParser;
import io.newsflow.query.persistence.ArticleSearch;
import io.newsflow.query.persistence.ArticleSearch.ListPlan;
import io.newsflow.testsupport.InjectKafkaBootstrap;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.KafkaTestClient;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /articles: full-text search, every filter, both sorts, cursor paging. Real broker, real database. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL)
class SearchTest {

    @InjectKafkaBootstrap
    String bootstrap;

    @Inject
    EntityManager em;

    @Inject
    ArticleSearch search;

    @Inject
    SearchRequestParser parser;

    KafkaTestClient kafka;

    /** The shared corpus, under a source name of its own. */
    final String source = "search-" + UUID.randomUUID();
    final String otherSource = "search-other-" + UUID.randomUUID();
    final TestArticle quake = new TestArticle().source(source).title("Earthquake strikes northern Japan")
            .url("https://www.example.com/world/quake-japan?utm_medium=social")
            .text("A powerful earthquake struck northern Japan on Wednesday.\n\n"
                    + "A tsunami warning was issued for the coast.")
            .publishedAt(Instant.parse("2024-05-01T10:00:00Z"));
    final TestArticle drill = new TestArticle().source(source).title("Tsunami drill held in Chile")
            .text("Officials in Chile held a tsunami drill for coastal residents.")
            .publishedAt(Instant.parse("2024-05-02T09:00:00Z"));
    final TestArticle football = new TestArticle().source(source).title("Football final ends in a draw")
            .text("The cup final ended without goals after extra time.")
            .publishedAt(Instant.parse("2024-05-03T20:00:00Z"));
    final TestArticle erdbeben = new TestArticle().source(source).language("de").title("Erdbeben erschüttert Japan")
            .text("Ein starkes Erdbeben hat den Norden Japans erschüttert.")
            .publishedAt(Instant.parse("2024-05-04T06:00:00Z"));
    final TestArticle wireCopy = new TestArticle().source(source).title("Earthquake strikes northern Japan")
            .text("A powerful earthquake struck northern Japan on Wednesday. A tsunami warning was issued. (Wire)")
            .publishedAt(Instant.parse("2024-05-01T11:00:00Z")).nearDuplicateOf(quake.id, 0.93);
    final TestArticle undated = new TestArticle().source(source).title("Markets rally")
            .text("Stocks rose across the region.").publishedAt(null);
    final TestArticle elsewhere = new TestArticle().source(otherSource).title("Earthquake felt in Taiwan")
            .text("Buildings swayed in Taipei.").publishedAt(Instant.parse("2024-05-05T00:00:00Z"));

    boolean seeded;

    /** Seeds once, before the first test (RestAssured is only pointed at the app for test methods). */
    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        kafka = new KafkaTestClient(bootstrap);
        Pipeline.publish(kafka, quake, drill, football, erdbeben, wireCopy, undated, elsewhere);
        Pipeline.awaitList(Map.of("source", List.of(source, otherSource), "duplicates", "include"), 7);
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
        query.put("source", source);
        for (int i = 0; i < keyValues.length; i += 2) {
            query.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Pipeline.ids(query);
    }

    @Test
    void defaultListIsNewestFirstWithUndatedLastAndNearDuplicatesHidden() {
        assertEquals(List.of(erdbeben.id, football.id, drill.id, quake.id, undated.id), ids());
    }

    @Test
    void fullTextWordsPhrasesOrAndExclusion() {
        assertEquals(List.of(quake.id), ids("q", "earthquake"));
        assertEquals(List.of(quake.id), ids("q", "earthquakes"), "English stemming");
        assertEquals(List.of(drill.id, quake.id), ids("q", "tsunami"));
        assertEquals(List.of(quake.id), ids("q", "\"tsunami warning\""), "phrase");
        assertEquals(List.of(), ids("q", "\"warning tsunami\""), "phrase order matters");
        assertEquals(List.of(football.id, drill.id), ids("q", "football OR chile"));
        assertEquals(List.of(quake.id), ids("q", "tsunami -drill"), "exclusion");
        assertEquals(List.of(erdbeben.id), ids("q", "Erdbeben"));
        assertEquals(List.of(erdbeben.id), ids("q", "erdbeben", "lang", "de"));
        assertEquals(List.of(), ids("q", "zyxwvut"));
        assertEquals(List.of(), ids("q", "the"), "stop words alone match nothing rather than failing");
        assertEquals(List.of(), ids("q", "'); DROP TABLE article; --"), "SQL in q is just words");
        assertEquals(List.of(quake.id), ids("q", "earthquake"));
    }

    @Test
    void searchResultsCarryAHighlightedSnippet() {
        JsonPath page = given().queryParam("source", source).queryParam("q", "tsunami warning").get("/articles")
                .then().statusCode(200).extract().jsonPath();
        String snippet = page.getString("items[0].snippet");
        assertNotNull(snippet);
        assertTrue(snippet.contains("<mark>tsunami</mark>"), snippet);
        assertNull(page.get("items[0].text"));
        given().queryParam("source", source).get("/articles").then().statusCode(200)
                .body(containsString("\"items\"")).body("items[0].snippet", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void relevanceRanksTitleMatchesAboveBodyMatches() {
        String src = "relevance-" + UUID.randomUUID();
        TestArticle inBody = new TestArticle().source(src).title("Harbour reopens")
                .text("The harbour reopened a week after the earthquake damaged the piers.")
                .publishedAt(Instant.parse("2024-06-02T00:00:00Z"));
        TestArticle inTitle = new TestArticle().source(src).title("Earthquake damage assessed")
                .text("Engineers inspected bridges and piers across the region.")
                .publishedAt(Instant.parse("2024-06-01T00:00:00Z"));
        Pipeline.publish(kafka, inBody, inTitle);
        Pipeline.awaitList(Map.of("source", src), 2);
        assertEquals(List.of(inBody.id, inTitle.id), Pipeline.ids(Map.of("source", src, "q", "earthquake")));
        assertEquals(List.of(inTitle.id, inBody.id),
                Pipeline.ids(Map.of("source", src, "q", "earthquake", "sort", "relevance")));
    }

    @Test
    void sourceFilterIsRepeatable() {
        assertEquals(List.of(elsewhere.id), Pipeline.ids(Map.of("source", otherSource)));
        assertEquals(List.of(elsewhere.id, quake.id),
                Pipeline.ids(Map.of("source", List.of(source, otherSource), "q", "earthquake")));
        assertEquals(List.of(), Pipeline.ids(Map.of("source", "no-such-source-" + UUID.randomUUID())));
    }

    @Test
    void languageFilterIsRepeatable() {
        assertEquals(List.of(erdbeben.id), ids("lang", "de"));
        assertEquals(List.of(erdbeben.id), ids("lang", "DE"));
        assertEquals(List.of(football.id, drill.id, quake.id, undated.id), ids("lang", "en"));
        assertEquals(5, ids("lang", List.of("en", "de")).size());
        assertEquals(List.of(), ids("lang", "fr"));
    }

    @Test
    void dateRangeAcceptsDatesAndDateTimes() {
        assertEquals(List.of(football.id, drill.id), ids("from", "2024-05-02", "to", "2024-05-03"));
        assertEquals(List.of(erdbeben.id, football.id), ids("from", "2024-05-03"));
        assertEquals(List.of(drill.id, quake.id), ids("to", "2024-05-02"));
        assertEquals(List.of(quake.id), ids("from", "2024-05-01T10:00:00Z", "to", "2024-05-01T10:00:00Z"),
                "date-time bounds are inclusive");
        assertEquals(List.of(), ids("from", "2024-05-01T10:00:00.000001Z", "to", "2024-05-01T10:30:00Z"));
        assertEquals(List.of(quake.id), ids("from", "2024-05-01T12:00:00+02:00", "to", "2024-05-01"));
    }

    @Test
    void urlFindsTheArticleByItsCanonicalUrl() {
        assertEquals(List.of(quake.id), Pipeline.ids(Map.of("url", "https://example.com/world/quake-japan")));
        assertEquals(List.of(quake.id),
                Pipeline.ids(Map.of("url", "https://m.example.com/world/quake-japan/?utm_source=x&fbclid=y#c")));
        assertEquals(List.of(), Pipeline.ids(Map.of("url", "https://example.com/world/other")));
    }

    @Test
    void duplicatesExcludeIncludeOnly() {
        assertFalse(ids("duplicates", "exclude").contains(wireCopy.id));
        assertEquals(List.of(erdbeben.id, football.id, drill.id, wireCopy.id, quake.id, undated.id),
                ids("duplicates", "include"));
        assertEquals(List.of(wireCopy.id), ids("duplicates", "only"));
        JsonPath copy = given().get("/articles/{id}", wireCopy.id).then().statusCode(200).extract().jsonPath();
        assertEquals(quake.id, copy.getString("duplicateOf"));
        assertEquals("near", copy.getString("duplicateKind"));
        assertEquals(0.93f, copy.getFloat("similarity"));
    }

    @Test
    void seedArticleTextIsSearchable() throws Exception {
        Path seeds = Path.of(System.getProperty("newsflow.shared.data", "../../shared/data"), "seeds");
        Path seed = Files.list(seeds).filter(p -> p.getFileName().toString().startsWith("000_")).findFirst()
                .orElseThrow();
        String src = "seed-" + UUID.randomUUID();
        TestArticle article = new TestArticle().source(src).title("Seed 000").text(Files.readString(seed));
        Pipeline.publish(kafka, article);
        Pipeline.awaitArticle(article.id);
        assertEquals(List.of(article.id), Pipeline.ids(Map.of("source", src, "q", "\"joint operation plan\"")));
        assertEquals(List.of(article.id), Pipeline.ids(Map.of("source", src, "q", "Taiwan emergency")));
    }

    @Test
    void cursorPagingReturnsEveryRowExactlyOnceWhileRowsArrive() {
        String src = "paging-" + UUID.randomUUID();
        Instant base = Instant.parse("2023-01-01T00:00:00Z");
        List<TestArticle> initial = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            // Every third shares a timestamp with its neighbour (ties broken by id); a few are undated.
            Instant at = i % 9 == 8 ? null : base.plus(i / 3 * 3L, ChronoUnit.HOURS);
            initial.add(new TestArticle().source(src).title("Paging article " + i).publishedAt(at));
        }
        Pipeline.publish(kafka, initial.toArray(TestArticle[]::new));
        Pipeline.awaitList(Map.of("source", src), 45);

        List<TestArticle> older = new ArrayList<>();
        List<TestArticle> newer = new ArrayList<>();
        List<String> seen = Pipeline.pageThrough(Map.of("source", src, "limit", "10"), page -> {
            if (page <= 2) {
                // Rows arriving mid-way: one sorting before everything read so far, one after the cursor.
                TestArticle newest = new TestArticle().source(src).title("Late newest " + page)
                        .publishedAt(base.plus(1000, ChronoUnit.DAYS));
                TestArticle oldest = new TestArticle().source(src).title("Late oldest " + page)
                        .publishedAt(base.minus(page, ChronoUnit.DAYS));
                Pipeline.publish(kafka, newest, oldest);
                Pipeline.awaitArticle(newest.id);
                Pipeline.awaitArticle(oldest.id);
                newer.add(newest);
                older.add(oldest);
            }
        });

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no row twice: " + seen);
        for (TestArticle a : initial) {
            assertTrue(seen.contains(a.id), "every initial row once: " + a.title);
        }
        for (TestArticle a : older) {
            assertTrue(seen.contains(a.id), "rows inserted after the cursor position are reached: " + a.title);
        }
        for (TestArticle a : newer) {
            assertFalse(seen.contains(a.id), "rows inserted before the cursor position are not: " + a.title);
        }
        assertEquals(47, seen.size());
        // The order is the documented one: published desc, undated last.
        List<String> expectedOrder = Pipeline.ids(Map.of("source", src, "limit", "100")).stream()
                .filter(seen::contains).toList();
        assertEquals(expectedOrder, seen);
    }

    @Test
    void relevanceCursorPagingReturnsEveryMatchExactlyOnce() {
        String src = "rel-paging-" + UUID.randomUUID();
        Set<String> expected = new HashSet<>();
        List<TestArticle> batch = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Rank varies with how often the term occurs (lede and body each count); many rows tie exactly.
            String body = "volcano ".repeat(1 + i % 2) + "ash cloud over the valley number " + i;
            TestArticle a = new TestArticle().source(src).title(i % 5 == 0 ? "Volcano update" : "Update " + i)
                    .text(body);
            batch.add(a);
            expected.add(a.id);
        }
        batch.add(new TestArticle().source(src).title("Unrelated").text("nothing to see"));
        Pipeline.publish(kafka, batch.toArray(TestArticle[]::new));
        Pipeline.awaitList(Map.of("source", src), 24);

        List<String> seen = Pipeline.pageThrough(
                Map.of("source", src, "q", "volcano", "sort", "relevance", "limit", "4"), page -> { });
        assertEquals(23, seen.size());
        assertEquals(expected, new HashSet<>(seen));
        // The five title matches outrank every body-only match.
        Set<String> titleMatches = new HashSet<>();
        batch.stream().filter(b -> b.title.startsWith("Volcano")).forEach(b -> titleMatches.add(b.id));
        assertEquals(titleMatches, new HashSet<>(seen.subList(0, 5)));
    }

    /**
     * Phrase queries take their candidates with the words alone and check adjacency only on the rows a page
     * needs (ArticleSearch.newestFirst): the pages must be exactly those of the plain condition — rows holding
     * the words apart, ties, undated rows, a second configuration, stories collapsed, cursors across pages.
     */
    @Test
    void phrasesPageExactlyLikeThePlainCondition() {
        String src = "phrase-" + UUID.randomUUID();
        Instant base = Instant.parse("2022-03-01T00:00:00Z");
        String story = "story-" + UUID.randomUUID();
        List<TestArticle> phrase = new ArrayList<>();
        List<TestArticle> all = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            // Ties every other pair (broken by id), two undated rows, two rows of one story.
            Instant at = i % 7 == 6 ? null : base.plus(i / 2 * 2L, ChronoUnit.HOURS);
            TestArticle adjacent = new TestArticle().source(src).title("Briefing " + i).publishedAt(at)
                    .text("The prime minister met union leaders on day " + i + ".");
            if (i == 3 || i == 4) {
                adjacent.storyId(story);
            }
            TestArticle apart = new TestArticle().source(src).title("Report " + i).publishedAt(at)
                    .text("The minister said the prime concern was water, on day " + i + ".");
            phrase.add(adjacent);
            all.add(adjacent);
            all.add(apart);
        }
        TestArticle german = new TestArticle().source(src).language("de").title("Prime Minister in Berlin")
                .text("Der Prime Minister besuchte Berlin.").publishedAt(base.plus(100, ChronoUnit.HOURS));
        TestArticle compound = new TestArticle().source(src).title("Covid-19 cases fall")
                .text("Covid-19 cases fell.").publishedAt(base.plus(101, ChronoUnit.HOURS));
        TestArticle compoundApart = new TestArticle().source(src).title("Covid notes")
                .text("Covid wards report -19 degrees.").publishedAt(base.plus(102, ChronoUnit.HOURS));
        phrase.add(german);
        all.addAll(List.of(german, compound, compoundApart));
        Pipeline.publish(kafka, all.toArray(TestArticle[]::new));
        Pipeline.awaitList(Map.of("source", src), all.size());

        java.util.Comparator<TestArticle> newestFirst = java.util.Comparator
                .comparing((TestArticle a) -> a.publishedAt == null ? Instant.MIN : a.publishedAt)
                .thenComparing(a -> a.id).reversed();
        List<String> expected = phrase.stream().sorted(newestFirst).map(a -> a.id).toList();
        for (String limit : List.of("100", "1", "4")) {
            assertEquals(expected, Pipeline.pageThrough(
                    Map.of("source", src, "q", "\"prime minister\"", "limit", limit), page -> { }), "limit " + limit);
        }
        List<String> collapsed = new ArrayList<>(expected);
        collapsed.remove(phrase.get(3).id); // story mate of 4, which is newer
        assertEquals(collapsed, Pipeline.pageThrough(
                Map.of("source", src, "q", "\"prime minister\"", "collapse", "story", "limit", "3"), page -> { }));
        assertEquals(Stream.of(phrase.get(1).id, phrase.get(0).id).sorted(java.util.Comparator.reverseOrder())
                .toList(), Pipeline.ids(Map.of("source", src, "q", "\"prime minister\"",
                        "from", "2022-03-01T00:00:00Z", "to", "2022-03-01T00:00:00Z")), "with a date range");
        assertEquals(List.of(compound.id), Pipeline.ids(Map.of("source", src, "q", "covid-19")), "compound word");
        JsonPath facets = given().queryParam("source", src).queryParam("q", "\"prime minister\"")
                .queryParam("facets", "source,lang").get("/articles").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(phrase.size()), facets.getList("facets.source.count"), "facets count phrase matches only");
        assertEquals(List.of("en", "de"), facets.getList("facets.lang.value"));
        assertEquals(List.of(phrase.size() - 1, 1), facets.getList("facets.lang.count"));
        List<String> notPhrase = all.stream().filter(a -> !phrase.contains(a)).sorted(newestFirst).map(a -> a.id)
                .toList();
        assertEquals(notPhrase, Pipeline.pageThrough(
                Map.of("source", src, "q", "-\"prime minister\"", "limit", "5"), page -> { }), "negated phrase alone");
    }

    /**
     * The list plans (ArticleSearch.ListPlan: the planner's newest-first walk; every match fetched through the
     * text index and sorted, which a facets request chooses from its probe; the matches in time windows growing
     * backwards, which a search with a source or dates takes — 1 h first in tests, so the rows here span several)
     * must page identically: words, a phrase, a negation, both configurations, ties broken by id, undated rows last,
     * duplicates, collapsed stories, both time sorts, cursors at limits 1, 3 and 100, date bounds — and a facets
     * request must list the same page.
     */
    @Test
    void bothListPlansPageIdentically() throws Exception {
        String src = "plans-" + UUID.randomUUID();
        Instant base = Instant.parse("2021-07-01T00:00:00Z");
        String story = "story-" + UUID.randomUUID();
        // A word only this test's rows hold, for a search without a source (the service's own choice of plan).
        String word = "plans" + new java.util.Random().ints(10, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        List<TestArticle> all = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            // Ties every other pair (broken by id), undated rows, a story, a second configuration, a duplicate.
            Instant at = i % 7 == 6 ? null : base.plus(i / 2 * 3L, ChronoUnit.HOURS);
            TestArticle a = new TestArticle().source(src).title("Harbour report " + i + " " + word).publishedAt(at)
                    .ingestedAt(base.plus(100 - i % 5, ChronoUnit.HOURS))
                    .text(i % 3 == 0 ? "The harbour pilots met the port authority on day " + i + "."
                            : "Dock workers at the harbour voted, the authority of the port said on day " + i + ".");
            if (i == 3 || i == 5 || i == 8) {
                a.storyId(story);
            }
            if (i % 4 == 1) {
                a.language("und");
            }
            all.add(a);
        }
        all.add(new TestArticle().source(src).title("Harbour report copy").text("The harbour pilots met the port"
                + " authority on day 0.").publishedAt(base).nearDuplicateOf(all.get(0).id, 0.95));
        Pipeline.publish(kafka, all.toArray(TestArticle[]::new));
        Pipeline.awaitList(Map.of("source", src, "duplicates", "include"), all.size());

        java.util.Comparator<TestArticle> newestFirst = java.util.Comparator
                .comparing((TestArticle a) -> a.publishedAt == null ? Instant.MIN : a.publishedAt)
                .thenComparing(a -> a.id).reversed();
        List<String> harbour = all.stream().filter(a -> !a.title.endsWith("copy")).sorted(newestFirst)
                .map(a -> a.id).toList();
        assertEquals(harbour, pages(ListPlan.MATCHES_SORTED, src, "harbour", null, null, null, "4"));
        // Collapsed: the story's newest match (8) stands for its older mates (5, 3).
        List<String> harbourCollapsed = harbour.stream()
                .filter(id -> !id.equals(all.get(5).id) && !id.equals(all.get(3).id)).toList();
        for (ListPlan plan : ListPlan.values()) {
            assertEquals(harbourCollapsed, pages(plan, src, "harbour", null, "story", null, "3"), "collapsed " + plan);
        }
        assertEquals(harbourCollapsed, Pipeline.pageThrough(Map.of("q", word, "collapse", "story", "limit", "3"),
                page -> { }), "collapsed, the plan the service chooses");
        for (String q : List.of(word, "\"harbour report\" " + word)) {
            for (ListPlan plan : ListPlan.values()) {
                // No source: the collapsed walk's own fence (a phrase's relaxed match inside it).
                assertEquals(harbourCollapsed, pages(plan, null, q, null, "story", null, "3"), "collapsed " + plan
                        + " without a source: " + q);
            }
        }
        for (String q : List.of("harbour", "pilots", "\"port authority\"", "harbour -pilots", "authority OR dock")) {
            for (String limit : List.of("1", "3", "100")) {
                for (String sort : java.util.Arrays.asList(null, "ingested")) {
                    for (String collapse : java.util.Arrays.asList(null, "story")) {
                        for (String duplicates : java.util.Arrays.asList(null, "include")) {
                            List<String> walked = pages(ListPlan.WALK, src, q, sort, collapse, duplicates, limit);
                            assertFalse(walked.isEmpty(), q);
                            assertEquals(walked, pages(ListPlan.MATCHES_SORTED, src, q, sort, collapse, duplicates,
                                    limit), q + " limit " + limit + " sort " + sort + " collapse " + collapse
                                    + " duplicates " + duplicates);
                            assertEquals(walked, pages(ListPlan.NEWEST_WINDOWS, src, q, sort, collapse, duplicates,
                                    limit), "windows: " + q + " limit " + limit + " sort " + sort + " collapse "
                                    + collapse + " duplicates " + duplicates);
                        }
                    }
                }
            }
            for (String[] dates : List.of(new String[] {"2021-07-01T05:00:00Z", "2021-07-01T20:00:00Z"},
                    new String[] {null, "2021-07-01T10:00:00Z"}, new String[] {"2021-07-01T07:00:00Z", null})) {
                // Windows counted back from the "to" bound and stopped at the "from" bound.
                List<String> walked = pages(ListPlan.WALK, src, q, null, null, null, "2", dates[0], dates[1]);
                assertEquals(walked, pages(ListPlan.NEWEST_WINDOWS, src, q, null, null, null, "2", dates[0],
                        dates[1]), "windows between " + dates[0] + " and " + dates[1] + ": " + q);
            }
            assertEquals(Pipeline.ids(Map.of("source", src, "q", q, "limit", "5")), given().queryParam("source", src)
                    .queryParam("q", q).queryParam("limit", "5").queryParam("facets", "source,lang").get("/articles")
                    .then().statusCode(200).extract().jsonPath().getList("items.id"), "with facets: " + q);
        }
    }

    /** Every id of a search ({@code src}: a source, or null) paged through with {@code plan}, following cursors. */
    private List<String> pages(ListPlan plan, String src, String q, String sort, String collapse,
            String duplicates, String limit) throws Exception {
        return pages(plan, src, q, sort, collapse, duplicates, limit, null, null);
    }

    /** {@link #pages} within published dates {@code from} (inclusive) and {@code to} (exclusive), either null. */
    private List<String> pages(ListPlan plan, String src, String q, String sort, String collapse,
            String duplicates, String limit, String from, String to) throws Exception {
        SearchCriteria c = parser.parse(new SearchParameters(q, src == null ? List.of() : List.of(src), List.of(),
                from, to, null, duplicates, sort, limit, null, List.of(), List.of(), collapse, List.of()));
        List<String> ids = new ArrayList<>();
        for (int guard = 0; guard < 100; guard++) {
            SearchCriteria criteria = c;
            ArticleSearch.Page page = QuarkusTransaction.requiringNew().call(() -> search.search(criteria, plan));
            page.hits().forEach(h -> {
                ids.add(h.article().id);
                assertNotNull(h.snippet(), "every listed row has its snippet");
            });
            if (!page.hasMore()) {
                return ids;
            }
            PageKey after = ArticleSearch.keyOf(c, page, page.hits().get(page.hits().size() - 1));
            c = new SearchCriteria(c.query(), c.sources(), c.languages(), c.publishedFrom(), c.publishedBefore(),
                    c.canonicalUrl(), c.urlArticleId(), c.duplicates(), c.sort(), c.limit(), after, c.entities(),
                    c.stories(), c.duplicateOf(), c.collapseStories(), c.facets());
        }
        throw new AssertionError("no last page");
    }

    @Test
    void everySearchConfigurationHasItsOwnPartialTextIndex() {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'query' AND tablename = 'article'"
                        + " AND indexdef LIKE '%USING gin (search_vector)%'").getResultList());
        Map<String, String> byName = new LinkedHashMap<>();
        rows.forEach(r -> byName.put((String) ((Object[]) r)[0], (String) ((Object[]) r)[1]));
        for (String config : SearchLanguages.allConfigs()) {
            String def = byName.remove("article_search_" + config + "_idx");
            assertNotNull(def, config);
            // regconfig compares as oid: "WHERE ((search_config)::oid = ('english'::regconfig)::oid)".
            assertTrue(def.contains(" WHERE ") && def.contains("('" + config + "'::regconfig)"), def);
        }
        assertEquals(Map.of(), byName, "no other text index (every row is in exactly one of the partial ones)");
    }

    @Test
    void connectionsRunWithoutParallelWorkers() {
        String parallel = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT current_setting('max_parallel_workers_per_gather')").getSingleResult());
        assertEquals("0", parallel, "per service connection (new-connection-sql)");
    }

    @Test
    void searchConfigurationsInSqlAndJavaAgree() {
        List<String> languages = new ArrayList<>(SearchLanguages.knownLanguages());
        languages.addAll(List.of("und", "xx", "", "EN-gb"));
        for (String language : languages) {
            String inDb = QuarkusTransaction.requiringNew().call(() -> (String) em
                    .createNativeQuery("SELECT CAST(query.search_config_for(:l) AS text)")
                    .setParameter("l", language).getSingleResult());
            assertEquals(SearchLanguages.configFor(language), inDb.replace("pg_catalog.", ""), language);
        }
    }
}
