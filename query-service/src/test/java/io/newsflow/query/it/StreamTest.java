package io.newsflow.query.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.Problem;
import io.newsflow.query.persistence.ArticleStore;
import io.newsflow.testsupport.InjectKafkaBootstrap;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.KafkaTestClient;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** GET /stream: live delivery within a second, filters, Last-Event-ID resume, concurrent writers. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL)
class StreamTest {

    /** The bound: an article reaches the stream within a second of being stored. */
    static final Duration DELIVERY_BOUND = Duration.ofSeconds(1);
    static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/stream")
    URL streamUrl;

    @InjectKafkaBootstrap
    String bootstrap;

    @Inject
    ArticleStore store;

    KafkaTestClient kafka;
    final List<SseClient> clients = new ArrayList<>();

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(bootstrap);
    }

    @AfterEach
    void close() {
        clients.forEach(SseClient::close);
        kafka.close();
    }

    /** One received event. */
    record Event(String id, String name, String data, Instant receivedAt) {
        String articleId() {
            try {
                return ContractJson.mapper().readTree(data).get("id").asText();
            } catch (IOException e) {
                throw new AssertionError("article event data is not JSON: " + data, e);
            }
        }
    }

    /** A minimal SSE client over java.net.http; events go into a queue. */
    final class SseClient {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final HttpClient http = HttpClient.newHttpClient();
        volatile Stream<String> lines;
        final Thread reader;

        SseClient(String query, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(streamUrl + "?" + query))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            lines = response.body();
            reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
            clients.add(this);
        }

        private void read() {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (data.length() > 0 || name != null) {
                            events.add(new Event(id, name, data.toString(), Instant.now()));
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }

        Event next(String expectedName) throws InterruptedException {
            Event e = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(e, "no " + expectedName + " event within " + WAIT);
            assertEquals(expectedName, e.name(), "event " + e);
            return e;
        }

        void close() {
            if (lines != null) {
                lines.close();
            }
        }
    }

    private static Instant storedAt(String id) {
        Pipeline.awaitArticle(id);
        return Instant.parse(given().get("/articles/{id}", id).jsonPath().getString("storedAt"));
    }

    @Test
    void matchingArticlesArriveWithinASecondAndOthersDoNot() throws Exception {
        String src = "stream-" + UUID.randomUUID();
        SseClient client = new SseClient("source=" + src + "&q=volcano", null);
        Event ready = client.next("ready");
        assertNotNull(ready.id());

        TestArticle other = new TestArticle().source("elsewhere-" + src).title("Volcano erupts elsewhere");
        TestArticle noMatch = new TestArticle().source(src).title("Harvest festival");
        TestArticle match = new TestArticle().source(src).title("Volcano erupts");
        Pipeline.publish(kafka, other, noMatch, match);

        Event event = client.next("article");
        assertEquals(match.id, event.articleId());
        Duration latency = Duration.between(storedAt(match.id), event.receivedAt());
        assertTrue(latency.compareTo(DELIVERY_BOUND) <= 0, "delivered " + latency + " after being stored");
        assertTrue(Long.parseLong(event.id()) > Long.parseLong(ready.id()));
        // Nothing else matched.
        Pipeline.awaitArticle(other.id);
        Pipeline.awaitArticle(noMatch.id);
        assertEquals(null, client.events.poll(1, TimeUnit.SECONDS));
    }

    @Test
    void reconnectingWithLastEventIdMissesNothing() throws Exception {
        String src = "resume-" + UUID.randomUUID();
        SseClient first = new SseClient("source=" + src, null);
        first.next("ready");
        TestArticle a = new TestArticle().source(src).title("First");
        Pipeline.publish(kafka, a);
        Event seen = first.next("article");
        assertEquals(a.id, seen.articleId());
        first.close();

        // Stored while nobody listens.
        TestArticle b = new TestArticle().source(src).title("Second");
        TestArticle c = new TestArticle().source(src).title("Third");
        Pipeline.publish(kafka, b);
        Pipeline.awaitArticle(b.id);
        Pipeline.publish(kafka, c);
        Pipeline.awaitArticle(c.id);

        SseClient resumed = new SseClient("source=" + src, seen.id());
        assertEquals(seen.id(), resumed.next("ready").id());
        assertEquals(b.id, resumed.next("article").articleId());
        assertEquals(c.id, resumed.next("article").articleId());

        // The query parameter works too, for clients that cannot set the header.
        SseClient viaParam = new SseClient("source=" + src + "&lastEventId=" + seen.id(), null);
        viaParam.next("ready");
        assertEquals(b.id, viaParam.next("article").articleId());
    }

    @Test
    void concurrentWritersNeverLetTheStreamSkipAnArticle() throws Exception {
        String src = "writers-" + UUID.randomUUID();
        SseClient client = new SseClient("source=" + src, null);
        client.next("ready");
        int writers = 4;
        int perWriter = 15;
        List<String> expected = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                List<TestArticle> batch = new ArrayList<>();
                for (int i = 0; i < perWriter; i++) {
                    TestArticle a = new TestArticle().source(src).title("Writer " + w + " article " + i);
                    batch.add(a);
                    expected.add(a.id);
                }
                // Like several query-service instances storing different partitions at once.
                done.add(pool.submit(() -> batch.forEach(a -> store.store(a.event(), Instant.now()))));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Event> received = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            received.add(client.next("article"));
        }
        assertEquals(new HashSet<>(expected), new HashSet<>(received.stream().map(Event::articleId).toList()));
        List<Long> positions = received.stream().map(e -> Long.parseLong(e.id())).toList();
        for (int i = 1; i < positions.size(); i++) {
            assertTrue(positions.get(i) > positions.get(i - 1), "positions increase: " + positions);
        }
        // A client resuming from the middle gets exactly the rest.
        int half = received.size() / 2;
        SseClient resumed = new SseClient("source=" + src, received.get(half - 1).id());
        resumed.next("ready");
        for (int i = half; i < received.size(); i++) {
            assertEquals(received.get(i).articleId(), resumed.next("article").articleId());
        }
    }

    @Test
    void badStreamParametersAre400Problems() {
        given().header("Last-Event-ID", "yesterday").get("/stream").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        given().queryParam("from", "nope").get("/stream").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().queryParam("lastEventId", "-5").get("/stream").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
    }

}
