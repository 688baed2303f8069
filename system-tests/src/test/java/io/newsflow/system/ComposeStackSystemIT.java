package io.newsflow.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.Container;

import io.newsflow.contracts.Topics;

/**
 * The product as users run it: docker-compose.yml on a Docker engine, with Kafka, PostgreSQL and the three service
 * images built from their Dockerfiles, on the project's own network; the host reaches it only through ports
 * published on 127.0.0.1. Publishes with kcat from the host and checks through the published ports (Kafka admin API,
 * PostgreSQL, query-service HTTP):
 * <ol>
 * <li>the seeds and a batch of generated articles are all stored, once;</li>
 * <li>{@code --scale enrich-service=3} while publishing continues: the consumer group shares the partitions among
 * the three containers, nothing is lost or duplicated;</li>
 * <li>one enrich container is killed (SIGKILL): the other two take over its partitions, nothing is lost.</li>
 * </ol>
 * Skipped (with the reason) when there is no Docker engine, no compose command or no images; ./newsflow test
 * provides all three when the machine allows it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class ComposeStackSystemIT {

    private static final String ENRICH = "enrich-service";
    private static final String ENRICH_GROUP = "newsflow-enrich";
    private static final List<String> SERVICES = List.of("ingest-service", ENRICH, "query-service");
    private static final int PARTITIONS = 6;
    private static final int SCALED_INSTANCES = 3;
    private static final int FIRST_BATCH = Integer.getInteger("newsflow.system-tests.first-batch", 800);
    private static final int SCALE_BATCH = Integer.getInteger("newsflow.system-tests.scale-batch", 800);
    private static final int KILL_BATCH = Integer.getInteger("newsflow.system-tests.kill-batch", 400);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STORE_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration GROUP_TIMEOUT = Duration.ofMinutes(3);
    private static final String DB = "newsflow";
    private static final String DB_USER = "newsflow";
    private static final String DB_PASSWORD = "system-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RUN = "st" + Long.toString(System.currentTimeMillis(), 36);
    private static final String SOURCE = "system-test-" + RUN + ".example";
    private static final Path WORK = Path.of("target", "system-test").toAbsolutePath();
    private static final Map<String, Long> TIMINGS = new LinkedHashMap<>();

    private static ComposeProject compose;
    private static Admin admin;
    private static int kafkaPort;
    private static int postgresPort;
    private static int queryPort;
    private static List<Path> seeds;
    private static List<String> paragraphs;
    private static final Set<String> publishedUrls = new TreeSet<>();
    private static boolean failed;

    /** Why the stack cannot run here (reported as each test's skip reason), or null. */
    private static String skipReason;

    @BeforeAll
    static void startStack() throws Exception {
        String setupError = System.getProperty("newsflow.system-tests.setup-error", "");
        assertTrue(setupError.isBlank(), setupError);
        List<String> composeCommand = ComposeProject.findComposeCommand();
        Map<String, String> images = Map.of("JRE_IMAGE", System.getProperty("newsflow.images.jre", ""),
                "KAFKA_IMAGE", System.getProperty("newsflow.images.kafka", ""),
                "POSTGRES_IMAGE", System.getProperty("newsflow.images.postgres", ""));
        String given = System.getProperty("newsflow.system-tests.skip-reason", "");
        if (!given.isBlank()) {
            skipReason = given;
        } else if (!DockerClientFactory.instance().isDockerAvailable()) {
            skipReason = "no Docker engine reachable (./newsflow test starts one when it runs as root with apt)";
        } else if (images.values().stream().anyMatch(String::isBlank)) {
            skipReason = "no images given (-Dnewsflow.images.jre/kafka/postgres; ./newsflow test passes the ones"
                    + " ./newsflow images builds)";
        } else if (composeCommand == null) {
            skipReason = "no compose command (docker-compose or docker compose) on PATH";
        }
        if (skipReason != null) {
            System.out.println("SKIPPED: the container system test cannot run here: " + skipReason);
            return;
        }
        assertTrue(kcatAvailable(), "kcat is needed: apt-get install -y kcat (./newsflow test installs it)");

        Path root = Path.of(System.getProperty("newsflow.root", "..")).toAbsolutePath().normalize();
        Path sharedData = Path.of(System.getProperty("newsflow.shared.data", "../../shared/data"));
        try (Stream<Path> files = Files.list(sharedData.resolve("seeds"))) {
            seeds = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertFalse(seeds.isEmpty(), "no seeds under " + sharedData.resolve("seeds"));
        paragraphs = paragraphsOf(seeds);
        Files.createDirectories(WORK);

        kafkaPort = freePort();
        postgresPort = freePort();
        queryPort = freePort();
        Map<String, String> env = new HashMap<>(images);
        env.put("KAFKA_PORT", String.valueOf(kafkaPort));
        env.put("POSTGRES_PORT", String.valueOf(postgresPort));
        env.put("INGEST_PORT", String.valueOf(freePort()));
        env.put("QUERY_PORT", String.valueOf(queryPort));
        env.put("POSTGRES_PASSWORD", DB_PASSWORD);
        env.put("NEWSFLOW_VERSION", "system-test");
        compose = new ComposeProject(composeCommand, root.resolve("docker-compose.yml"), "nfsystest" + RUN, env,
                DockerClientFactory.instance().client(), WORK);
        Runtime.getRuntime().addShutdownHook(new Thread(compose::close)); // also when the JVM is stopped

        long start = System.nanoTime();
        compose.run(Duration.ofMinutes(10), "build");
        time("compose build (three service images)", start);
        start = System.nanoTime();
        // up waits for kafka and postgres to be healthy and for kafka-init to have created the topics
        compose.run(START_TIMEOUT, "up", "-d");
        awaitServicesHealthy();
        time("compose up until every service is healthy", start);
        Map<String, Object> adminConfig = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
        admin = Admin.create(adminConfig);
    }

    @BeforeEach
    void skipWithoutEngine() {
        assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    static void stopStack() throws IOException {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (compose != null) {
            if (failed) {
                compose.saveLogs();
            }
            compose.close();
        }
        if (TIMINGS.isEmpty()) {
            return;
        }
        String report = TIMINGS.entrySet().stream().map(e -> String.format("%-60s %6.1f s", e.getKey(), e.getValue() / 1000.0))
                .collect(Collectors.joining("\n", "system test timings (" + Runtime.getRuntime().availableProcessors()
                        + " cores, load average " + loadAverage() + "):\n", "\n"));
        System.out.print(report);
        if (Files.isDirectory(WORK)) {
            Files.writeString(WORK.resolve("timings.txt"), report);
        }
    }

    @Test
    @Order(1)
    void seedsAndGeneratedArticlesPublishedWithKcatAreAllStoredOnce() throws Exception {
        guard(() -> {
            long start = System.nanoTime();
            kcat(seeds.stream().map(Path::toString).toList());
            publishGenerated(0, FIRST_BATCH);
            awaitAllStored();
            time("seeds + " + FIRST_BATCH + " articles published until all stored", start);
            // served by query-service in its container through the published loopback port
            JsonNode found = httpJson("/articles?q=Nansei&limit=10");
            assertFalse(found.path("items").isEmpty(), "a seed is searchable through query-service: " + found);
        });
    }

    @Test
    @Order(2)
    void scalingEnrichToThreeInstancesWhilePublishingSharesThePartitionsWithoutLossOrDuplicates() throws Exception {
        guard(() -> {
            long start = System.nanoTime();
            CompletableFuture<Void> publishing = publishInSteps(FIRST_BATCH, SCALE_BATCH, 4, Duration.ofSeconds(3));
            compose.run(START_TIMEOUT, "up", "-d", "--no-recreate", "--scale", ENRICH + "=" + SCALED_INSTANCES);
            List<Container> enrich = compose.containers(ENRICH);
            assertEquals(SCALED_INSTANCES, enrich.size(), "enrich-service containers after --scale");
            Map<String, String> containerByAddress = addresses(enrich);
            Map<String, Set<Integer>> assignment = awaitAssignment(containerByAddress.keySet());
            time("scale to 3 until the group shares the partitions", start);
            System.out.println("enrich partitions after scale-out: " + named(assignment, containerByAddress));
            publishing.get(2, TimeUnit.MINUTES);
            awaitAllStored();
            time("scale-out: " + SCALE_BATCH + " articles published until all stored", start);
            awaitServicesHealthy();
        });
    }

    @Test
    @Order(3)
    void aHardKilledEnrichInstanceIsTakenOverByTheOthersWithNoLoss() throws Exception {
        guard(() -> {
            List<Container> enrich = compose.containers(ENRICH);
            assertEquals(SCALED_INSTANCES, enrich.size());
            Map<String, String> containerByAddress = addresses(enrich);
            Map<String, Set<Integer>> before = awaitAssignment(containerByAddress.keySet());
            Container victim = enrich.get(1);
            String victimAddress = compose.address(victim.getId());
            Set<Integer> orphaned = before.get(victimAddress);

            long start = System.nanoTime();
            compose.kill(victim.getId());
            assertFalse(Boolean.TRUE.equals(compose.inspect(victim.getId()).getState().getRunning()), "killed");
            publishGenerated(FIRST_BATCH + SCALE_BATCH, KILL_BATCH);
            Set<String> survivors = new HashSet<>(containerByAddress.keySet());
            survivors.remove(victimAddress);
            Map<String, Set<Integer>> after = awaitAssignment(survivors);
            time("kill one enrich until the survivors own all partitions", start);
            System.out.println("killed " + containerByAddress.get(victimAddress) + " (partitions " + orphaned
                    + "); after the rebalance: " + named(after, containerByAddress));
            assertTrue(after.values().stream().flatMap(Set::stream).collect(Collectors.toSet()).containsAll(orphaned));
            awaitAllStored();
            time("kill: " + KILL_BATCH + " articles published until all stored", start);
            assertFalse(Boolean.TRUE.equals(compose.inspect(victim.getId()).getState().getRunning()),
                    "the killed instance stayed down (the survivors did the work)");
        });
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** Every published article is a row, exactly once, and nothing else is; nothing went to the DLQ. */
    private static void awaitAllStored() throws Exception {
        Set<String> expected = Set.copyOf(publishedUrls);
        await().atMost(STORE_TIMEOUT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<String> stored = storedUrls();
            assertEquals(expected.size(), stored.size(), "generated articles stored");
        });
        List<String> stored = storedUrls();
        assertEquals(stored.size(), new HashSet<>(stored).size(), "no article stored twice");
        assertEquals(expected, new TreeSet<>(stored), "exactly the published articles are stored");
        assertEquals(seeds.size() + expected.size(), scalar("SELECT count(*) FROM query.article"),
                "rows in query.article: the seeds and the generated articles, nothing else");
        assertEquals(0L, dlqRecords(), "no record was dead-lettered");
    }

    /** Waits until the enrich group's members are exactly the given hosts, each owning a share of the partitions. */
    private static Map<String, Set<Integer>> awaitAssignment(Set<String> hosts) {
        Map<String, Set<Integer>> result = new HashMap<>();
        await().atMost(GROUP_TIMEOUT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(ENRICH_GROUP)).all()
                    .get(30, TimeUnit.SECONDS).get(ENRICH_GROUP);
            Map<String, Set<Integer>> byHost = new HashMap<>();
            for (MemberDescription m : group.members()) {
                Set<Integer> partitions = m.assignment().topicPartitions().stream()
                        .filter(tp -> tp.topic().equals(Topics.INGESTED)).map(TopicPartition::partition)
                        .collect(Collectors.toCollection(TreeSet::new));
                assertTrue(byHost.put(m.host().replaceFirst("^/", ""), partitions) == null, "one member per instance");
            }
            assertEquals(hosts, byHost.keySet(), "group members (by container address), state " + group.groupState());
            assertTrue(byHost.values().stream().noneMatch(Set::isEmpty), "every instance owns partitions: " + byHost);
            List<Integer> all = byHost.values().stream().flatMap(Set::stream).sorted().toList();
            assertEquals(java.util.stream.IntStream.range(0, PARTITIONS).boxed().toList(), all,
                    "every partition owned by exactly one instance: " + byHost);
            result.clear();
            result.putAll(byHost);
        });
        return result;
    }

    private static void awaitServicesHealthy() {
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            for (String service : SERVICES) {
                List<Container> containers = compose.containers(service).stream()
                        .filter(c -> "running".equals(c.getState())).toList();
                assertFalse(containers.isEmpty(), service + " runs");
                for (Container c : containers) {
                    assertEquals("healthy", compose.health(c.getId()), service + " " + c.getNames()[0]);
                }
            }
        });
    }

    // -------------------------------------------------------------------------------------------- publishing

    /** Publishes generated envelopes [from, from+count) with kcat (one JSON line per record). */
    private static void publishGenerated(int from, int count) throws IOException, InterruptedException {
        Path file = WORK.resolve("articles-" + from + ".ndjson");
        Random random = new Random(RUN.hashCode() + from);
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            ObjectNode article = JSON.createObjectNode();
            String url = "https://" + SOURCE + "/" + RUN + "/" + i;
            article.put("url", url).put("source", SOURCE).put("title", "System test article " + i + " of " + RUN);
            article.put("publishedAt", "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T08:00:00Z");
            StringBuilder body = new StringBuilder();
            for (int k = 3 + random.nextInt(3); k > 0; k--) {
                body.append(paragraphs.get(random.nextInt(paragraphs.size()))).append("\n\n");
            }
            article.put("content", body.append("Report ").append(RUN).append('-').append(i).append('.').toString());
            lines.append(JSON.writeValueAsString(article)).append('\n');
            synchronized (publishedUrls) {
                publishedUrls.add(url);
            }
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        kcat(List.of("-l", file.toString()));
    }

    private static CompletableFuture<Void> publishInSteps(int from, int count, int steps, Duration pause) {
        return CompletableFuture.runAsync(() -> {
            try {
                int size = count / steps;
                for (int s = 0; s < steps; s++) {
                    publishGenerated(from + s * size, s == steps - 1 ? count - s * size : size);
                    Thread.sleep(pause.toMillis());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** kcat from the host through the loopback-published Kafka port; each file is one record unless -l. */
    private static void kcat(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("kcat", "-P", "-b", "127.0.0.1:" + kafkaPort, "-t", Topics.RAW));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "kcat timed out");
        assertEquals(0, p.exitValue(), "kcat failed: " + out);
    }

    // ----------------------------------------------------------------------------------------------- helpers

    private static List<String> storedUrls() throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(
                "SELECT url FROM query.article WHERE source = ?")) {
            s.setString(1, SOURCE);
            List<String> urls = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    urls.add(rs.getString(1));
                }
            }
            return urls;
        }
    }

    private static long scalar(String sql) throws SQLException {
        try (Connection c = database(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DB, DB_USER, DB_PASSWORD);
    }

    private static long dlqRecords() throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(List.of(Topics.DLQ)).allTopicNames().get(30, TimeUnit.SECONDS).get(Topics.DLQ).partitions()
                .forEach(p -> partitions.add(new TopicPartition(Topics.DLQ, p.partition())));
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(o -> o.offset()).sum();
    }

    private static JsonNode httpJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + queryPort + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static Map<String, String> addresses(List<Container> containers) {
        Map<String, String> byAddress = new HashMap<>();
        for (Container c : containers) {
            byAddress.put(compose.address(c.getId()), c.getNames()[0].replaceFirst("^/", ""));
        }
        return byAddress;
    }

    private static Map<String, Set<Integer>> named(Map<String, Set<Integer>> byHost, Map<String, String> names) {
        Map<String, Set<Integer>> out = new LinkedHashMap<>();
        byHost.forEach((host, partitions) -> out.put(names.getOrDefault(host, host), partitions));
        return out;
    }

    private static List<String> paragraphsOf(List<Path> files) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            for (String para : Files.readString(f, StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
                if (para.strip().length() > 80) {
                    out.add(para.strip());
                }
            }
        }
        return out;
    }

    /** Ports handed out so far: none is bound until the stack starts, so the OS could offer one twice. */
    private static final Set<Integer> HANDED_OUT_PORTS = new HashSet<>();

    /**
     * A free loopback port that no earlier call returned, from newsflow.system-tests.port-range (e.g. 39000-39999)
     * when given.
     */
    private static int freePort() throws IOException {
        while (true) {
            int port = anyFreePort();
            if (HANDED_OUT_PORTS.add(port)) {
                return port;
            }
        }
    }

    private static int anyFreePort() throws IOException {
        String range = System.getProperty("newsflow.system-tests.port-range", "");
        if (range.isBlank()) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }
        String[] bounds = range.split("-");
        int low = Integer.parseInt(bounds[0].strip());
        int high = Integer.parseInt(bounds[1].strip());
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(low, high + 1);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port in " + range);
    }

    private static boolean kcatAvailable() {
        try {
            return new ProcessBuilder("kcat", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void time(String what, long startNanos) {
        TIMINGS.put(what, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        System.out.printf("%s: %.1f s%n", what, TIMINGS.get(what) / 1000.0);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs a step; a failure keeps the compose logs (target/system-test/PROJECT.log). */
    private static void guard(Step step) throws Exception {
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            failed = true;
            throw e;
        }
    }
}
