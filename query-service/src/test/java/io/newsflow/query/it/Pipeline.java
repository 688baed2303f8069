package io.newsflow.query.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.newsflow.contracts.Topics;
import io.newsflow.testsupport.KafkaTestClient;
import io.restassured.path.json.JsonPath;

/** Publishes test events to the real broker and waits for the service to make them queryable. */
final class Pipeline {

    static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);
    /** Guards paging loops against a cursor that never ends. */
    static final int MAX_PAGES = 50;

    private Pipeline() {
    }

    static void publish(KafkaTestClient kafka, TestArticle... articles) {
        for (TestArticle a : articles) {
            kafka.send(Topics.ENRICHED, a.id, a.json());
        }
    }

    /** Waits until GET /articles/{id} answers 200 and returns its body. */
    static JsonPath awaitArticle(String id) {
        await().atMost(STORE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/articles/{id}", id).statusCode() == 200);
        return given().get("/articles/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the list for {@code query} (e.g. source=x&duplicates=include) has exactly {@code n} items. */
    static List<Map<String, Object>> awaitList(Map<String, ?> query, int n) {
        await().atMost(STORE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> list(query).size() == n);
        return list(query);
    }

    static List<Map<String, Object>> list(Map<String, ?> query) {
        return given().queryParams(withLimit(query)).get("/articles").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    static List<String> ids(Map<String, ?> query) {
        return list(query).stream().map(m -> (String) m.get("id")).toList();
    }

    /**
     * Follows nextCursor from the first page to the last and returns every id in order; {@code afterPage}
     * runs after each page (given its 1-based number), e.g. to insert rows between pages.
     */
    static List<String> pageThrough(Map<String, ?> query, java.util.function.IntConsumer afterPage) {
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> q = new java.util.HashMap<>(query);
            if (cursor != null) {
                q.put("cursor", cursor);
            }
            JsonPath page = given().queryParams(q).get("/articles").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            if (ids.size() > Integer.parseInt(String.valueOf(query.get("limit")))) {
                throw new AssertionError("page larger than limit: " + ids.size());
            }
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
            afterPage.accept(++pages);
        } while (cursor != null && pages < MAX_PAGES);
        return seen;
    }

    private static Map<String, Object> withLimit(Map<String, ?> query) {
        Map<String, Object> q = new java.util.HashMap<>(query);
        q.putIfAbsent("limit", "100");
        return q;
    }
}
