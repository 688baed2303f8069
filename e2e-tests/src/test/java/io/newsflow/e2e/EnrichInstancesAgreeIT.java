package io.newsflow.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.DuplicateKinds;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.IngestedArticle;
import io.newsflow.contracts.Topics;
import io.newsflow.localkafka.LocalKafkaBroker;
import io.newsflow.testsupport.FreshDatabase;
import io.newsflow.testsupport.RaceCopies;
import io.newsflow.testsupport.KafkaTestClient;

/**
 * Two packaged enrich-service processes in one consumer group on the 6-partition {@code articles.ingested} topic
 * must decide exactly what a single instance decides. Each duplicate pair and same-story pair is split so that its
 * two members sit on partitions owned by <em>different</em> instances (read from the group's assignment), and all
 * records go out in one producer flush, so the two instances race on every pair. The single instance reads the
 * same records from its own topic into its own fresh database.
 * <p>
 * One instance also takes its partitions in parallel, so "decide what one instance decides" holds only when these
 * articles group the same in every racing order; online grouping does not promise that for a pair near the join
 * threshold (seed 002 at article-terms 30 was one). enrich-service's {@code StoryArrivalOrderTest} checks that
 * precondition deterministically on PostgreSQL, so a setting that breaks it fails there on every build.
 */
class EnrichInstancesAgreeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String PAIR_GROUP = "newsflow-enrich";
    private static final String SOLO_GROUP = "newsflow-enrich-solo";
    private static final String SOLO_INGESTED = "solo.articles.ingested";
    private static final String SOLO_ENRICHED = "solo.articles.enriched";
    private static final ObjectMapper JSON = ContractJson.mapper();

    private static LocalKafkaBroker broker;
    private static FreshDatabase pairDb;
    private static FreshDatabase soloDb;
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static Path seeds;

    /** The pairs the instances race on: members 0 and 1 go to different instances. */
    private record Pair(String kind, IngestedArticle first, IngestedArticle second) {
    }

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("newsflow.root", "..")).toAbsolutePath().normalize();
        seeds = Path.of(System.getProperty("newsflow.shared.data", "../../shared/data")).resolve("seeds");
        assertTrue(Files.isDirectory(seeds), "the seeds are needed at " + seeds);
        List<String> topics = new ArrayList<>(List.of(Topics.ALL));
        topics.addAll(List.of(SOLO_INGESTED, SOLO_ENRICHED));
        broker = LocalKafkaBroker.builder().topics(topics).partitions(6).start();
        pairDb = FreshDatabase.create("newsflow_e2e_pair");
        soloDb = FreshDatabase.create("newsflow_e2e_solo");
        Path logs = root.resolve("e2e-tests/target/service-logs");
        for (String instance : List.of("enrich-a", "enrich-b")) {
            services.add(ServiceProcess.start(root, "enrich-service", instance, ServiceProcess.freePort(),
                    env(pairDb, PAIR_GROUP, Topics.INGESTED, Topics.ENRICHED), logs));
        }
        services.add(ServiceProcess.start(root, "enrich-service", "enrich-solo", ServiceProcess.freePort(),
                env(soloDb, SOLO_GROUP, SOLO_INGESTED, SOLO_ENRICHED), logs));
        for (ServiceProcess s : services) {
            s.awaitReady(Duration.ofSeconds(180));
        }
    }

    @AfterAll
    static void stop() {
        services.forEach(ServiceProcess::close);
        if (broker != null) {
            broker.close();
        }
        for (FreshDatabase db : new FreshDatabase[] {pairDb, soloDb}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void twoInstancesRacingOnSplitPairsDecideWhatOneInstanceDecides() throws Exception {
        List<Pair> pairs = pairs();
        Map<String, List<Integer>> owned = awaitTwoMembersSharingSixPartitions(PAIR_GROUP, Topics.INGESTED);
        List<List<Integer>> instances = new ArrayList<>(owned.values());
        int articles = pairs.size() * 2;

        // One flush: every record of both runs is in flight at the same moment.
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < pairs.size(); i++) {
                Pair p = pairs.get(i);
                // member 0 to a partition of instance A, member 1 to a partition of instance B
                int partitionA = instances.get(0).get(i % instances.get(0).size());
                int partitionB = instances.get(1).get(i % instances.get(1).size());
                send(producer, Topics.INGESTED, partitionA, p.first());
                send(producer, Topics.INGESTED, partitionB, p.second());
                send(producer, SOLO_INGESTED, i % 6, p.first());
                send(producer, SOLO_INGESTED, (i + 3) % 6, p.second());
            }
            producer.flush();
        }

        Map<String, EnrichedArticle> racing = decisions(Topics.ENRICHED, articles);
        Map<String, EnrichedArticle> solo = decisions(SOLO_ENRICHED, articles);
        for (Map<String, EnrichedArticle> run : List.of(racing, solo)) {
            assertEachPairDecided(pairs, run);
        }
        assertEquals(canonical(solo), canonical(racing), "two instances decided differently from one");
        // the stored story membership is the one emitted
        assertEquals(storyMembership(solo), storedStories(soloDb));
        assertEquals(storyMembership(racing), storedStories(pairDb));
    }

    /**
     * What must hold in any run: per duplicate pair exactly one original and one duplicate of it, with its kind and
     * similarity (so never two originals); both members of every pair in one story; the unrelated seeds apart.
     */
    private static void assertEachPairDecided(List<Pair> pairs, Map<String, EnrichedArticle> run) {
        for (Pair p : pairs) {
            EnrichedArticle a = run.get(p.first().id());
            EnrichedArticle b = run.get(p.second().id());
            assertNotNull(a, p.first().id());
            assertNotNull(b, p.second().id());
            if (p.kind() == null) {
                assertNull(a.duplicateOf(), a.id() + " is not a duplicate");
                assertNull(b.duplicateOf(), b.id() + " is not a duplicate");
            } else {
                EnrichedArticle original = a.duplicateOf() == null ? a : b;
                EnrichedArticle copy = original == a ? b : a;
                assertNull(original.duplicateOf(), "one original in " + p.kind() + " pair " + a.id());
                assertEquals(original.id(), copy.duplicateOf(), copy.id() + " is a duplicate of " + original.id());
                assertEquals(p.kind(), copy.duplicateKind(), copy.id());
                assertNotNull(copy.similarity(), copy.id() + " carries its similarity");
                assertTrue(copy.similarity() >= 0.8, copy.id() + " similarity " + copy.similarity());
            }
            assertNotNull(a.storyId(), a.id());
            assertEquals(a.storyId(), b.storyId(), "one story for " + a.id() + " and " + b.id());
        }
        // the seed groupings: 003 and 004 each alone, 002 (with 000/001 or alone) never with 003 or 004
        String story000 = run.get("race-000").storyId();
        String story002 = run.get("race-002").storyId();
        String story003 = run.get("race-003").storyId();
        String story004 = run.get("race-004").storyId();
        Set<String> apart = new HashSet<>(List.of(story000, story003, story004));
        assertEquals(3, apart.size(), "000, 003 and 004 in three stories: " + storyMembership(run));
        assertTrue(!story002.equals(story003) && !story002.equals(story004), "002 apart from 003/004: "
                + storyMembership(run));
    }

    /**
     * The run's decisions up to which member of a pair is the original. Both members of a pair are published in the
     * same flush, so which one commits first is a race in the single instance too (it works on up to four
     * partitions at once): "first writer wins" makes either outcome correct, and the two outcomes differ only in
     * the names. So a run is reduced to (1) its duplicate groups — the set {original, duplicate} with the
     * duplicate's kind and similarity, which are symmetric measures (Jaccard; containment over the smaller set;
     * exact = 1.0) and therefore equal whichever member won — and (2) its story membership as a set of sets of
     * article ids, ignoring story ids, which are named after whichever article opened the story. Everything else
     * (one original per pair, joins, which articles are apart) must be identical.
     */
    private static Map<String, Object> canonical(Map<String, EnrichedArticle> run) {
        Map<String, Object> out = new TreeMap<>();
        Set<String> groups = new TreeSet<>();
        for (EnrichedArticle a : run.values()) {
            if (a.duplicateOf() != null) {
                Set<String> members = new TreeSet<>(List.of(a.id(), a.duplicateOf()));
                groups.add(members + " " + a.duplicateKind() + " " + String.format("%.6f", a.similarity()));
            }
        }
        out.put("duplicates", groups);
        out.put("stories", storyMembership(run));
        return out;
    }

    private static Set<Set<String>> storyMembership(Map<String, EnrichedArticle> run) {
        Map<String, Set<String>> byStory = new HashMap<>();
        run.values().forEach(a -> byStory.computeIfAbsent(a.storyId(), s -> new TreeSet<>()).add(a.id()));
        return new HashSet<>(byStory.values());
    }

    private static Set<Set<String>> storedStories(FreshDatabase db) throws Exception {
        Map<String, Set<String>> byStory = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), FreshDatabase.user(), FreshDatabase.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT article_id, story_id FROM enrich.article_story")) {
            while (rs.next()) {
                byStory.computeIfAbsent(rs.getString(2), s -> new TreeSet<>()).add(rs.getString(1));
            }
        }
        return new HashSet<>(byStory.values());
    }

    /**
     * Seed 000 and 001 (one event in other words), seed 002 and a copy with a new lead paragraph (near), seed 003
     * and the same text under another URL (exact), seed 004 and its first two thirds (near, by containment).
     */
    private static List<Pair> pairs() throws IOException {
        String s000 = seed("000_");
        String s001 = seed("001_");
        String s002 = seed("002_");
        String s003 = seed("003_");
        String s004 = seed("004_");
        return List.of(
                new Pair(null, article("race-000", s000), article("race-001", s001)),
                new Pair(DuplicateKinds.NEAR, article("race-002", s002), article("race-002-copy",
                        RaceCopies.copyOf002(s002))),
                new Pair(DuplicateKinds.EXACT, article("race-003", s003), article("race-003-mirror", s003)),
                new Pair(DuplicateKinds.NEAR, article("race-004", s004), article("race-004-part", RaceCopies.partOf004(s004))));
    }

    private static IngestedArticle article(String id, String text) {
        String url = "https://race.example/" + id;
        return new IngestedArticle(id, null, url, url, "race.example", null, List.of(), null, null, null,
                "text/plain", text, Instant.parse("2026-01-05T12:00:00Z"), "kafka");
    }

    private static String seed(String prefix) throws IOException {
        try (var files = Files.list(seeds)) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return Files.readString(file).replace("\r\n", "\n");
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, int partition, IngestedArticle a)
            throws IOException {
        producer.send(new ProducerRecord<>(topic, partition, a.id(), JSON.writeValueAsString(a)));
    }

    /** The latest decision per article once all {@code expected} articles came out. */
    private static Map<String, EnrichedArticle> decisions(String topic, int expected) throws IOException {
        List<ConsumerRecord<String, byte[]>> records;
        try (KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers())) {
            records = client.readUntil(topic, TIMEOUT,
                    rs -> rs.stream().map(ConsumerRecord::key).distinct().count() >= expected);
        }
        Map<String, EnrichedArticle> out = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            out.put(r.key(), JSON.readValue(r.value(), EnrichedArticle.class));
        }
        assertEquals(expected, out.size(), topic + " decisions: " + out.keySet());
        return out;
    }

    /** Waits for a stable group of two members that each own partitions; returns member -> partitions. */
    private static Map<String, List<Integer>> awaitTwoMembersSharingSixPartitions(String group, String topic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        Map<String, List<Integer>> owned = new TreeMap<>();
        try (Admin admin = Admin.create(props)) {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all()
                        .get(10, TimeUnit.SECONDS).get(group);
                owned.clear();
                for (MemberDescription m : d.members()) {
                    List<Integer> partitions = m.assignment().topicPartitions().stream()
                            .filter(tp -> tp.topic().equals(topic)).map(TopicPartition::partition).sorted().toList();
                    if (!partitions.isEmpty()) {
                        owned.put(m.consumerId(), partitions);
                    }
                }
                return d.state() == ConsumerGroupState.STABLE && owned.size() == 2
                        && owned.values().stream().mapToInt(Collection::size).sum() == 6;
            });
        }
        assertNotEquals(owned.values().iterator().next(), List.of(), "both instances own partitions");
        return owned;
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // hold the records until the flush so that they leave together
        p.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static Map<String, String> env(FreshDatabase db, String group, String ingested, String enriched) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("NEWSFLOW_DB_URL", db.jdbcUrl());
        env.put("NEWSFLOW_DB_USER", FreshDatabase.user());
        env.put("NEWSFLOW_DB_PASSWORD", FreshDatabase.password());
        env.put("NEWSFLOW_ENRICH_GROUP_ID", group);
        env.put("NEWSFLOW_TOPIC_INGESTED", ingested);
        env.put("NEWSFLOW_TOPIC_ENRICHED", enriched);
        return env;
    }

}
