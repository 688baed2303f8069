package io.newsflow.enrich.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.enrich.config.DedupConfig;
import io.newsflow.enrich.config.DedupProducer;
import io.newsflow.enrich.config.OfflineDedupConfig;
import io.newsflow.enrich.dedup.NearDuplicateDetector;
import io.newsflow.enrich.persistence.JdbcNearDuplicateIndex;
import io.newsflow.enrich.persistence.JdbcStoryIndex;
import io.newsflow.enrich.story.EnrichmentStoryFeatures;
import io.newsflow.enrich.story.StoryAssigner;
import io.newsflow.enrich.story.StoryFeatures;
import io.newsflow.enrich.story.StoryIndex;
import io.newsflow.enrich.story.StoryState;
import io.newsflow.enrich.story.TermVectors;

/**
 * Scale benchmark of the near-duplicate and story stages against the real PostgreSQL adapters: fills the enrich
 * schema of a fresh database with N filler articles (bulk COPY), then measures articles/s through
 * {@link NearDuplicateDetector#detect} + {@link StoryAssigner#assign} (one transaction each, as in the service) for
 * new articles, at each size in turn (the filler grows from one size to the next).
 * <p>
 * Filler rows are synthetic but shaped like real ones: texts are the article-extraction-benchmark gold bodies with
 * 30 % of their words replaced at random (so every filler has its own shingle set, ~1.6 KB per fingerprint); its band
 * keys (as many as the configured bands) are random 64-bit values — the distribution MinHash band keys of distinct documents have — because
 * computing bands x rows MinHash values for a million texts would dominate the run; stories carry the salient terms of their
 * base text with a third replaced by terms from a 200k-term Zipf-like vocabulary, all updated within the story
 * window (the worst case: every story is live). Measured articles go through the real detector and assigner.
 * <p>
 * The fill COPYs into the tables without their indexes and constraints and builds them afterwards from their own
 * definitions (bulk-built leaves are 90 % full and in key order, so the store is smaller than an organically grown one;
 * {@code -Dnewsflow.bench.fill=indexed} keeps them during the COPY). Besides rates and per-call timings it prints, per
 * article, blocks read and hit per table and index, and a per-statement profile (buffers, WAL) of
 * {@code -Dnewsflow.bench.profile=N} more articles (default 50) run under auto_explain.
 * <p>
 * Run: {@code ./mvnw -B -o -q test-compile -pl enrich-service -am} then
 * {@code java -cp ... io.newsflow.enrich.bench.DedupStoryScaleBenchmark <data> <db> <sizes> <measured>} (see
 * docs/benchmarks.md for the exact command). The database is created (dropped first) and dropped at the end, unless
 * {@code -Dnewsflow.bench.keep=true} keeps it; {@code -Dnewsflow.bench.reuse=true} measures an existing one instead
 * (kept by an earlier run): it applies pending migrations, fills only up to each size, and draws new measured texts.
 */
public final class DedupStoryScaleBenchmark {

    private static final String SCHEMA = "enrich";
    private static final int WORD_REPLACE_PERCENT = 30;
    private static final int VOCABULARY = 200_000;
    private static final int BATCH = 20_000;
    private static final int FINGERPRINTS = 2_000;
    private static final Instant NOW = Instant.now();

    private final Random random = new Random(7);
    /** The service's own settings (application.properties), so the stages timed are the configured ones. */
    private static final OfflineDedupConfig SERVICE_CONFIG = new OfflineDedupConfig();
    private static final DedupConfig DEDUP = SERVICE_CONFIG.dedup();
    private static final Set<String> COUNTRY_NAMES = DedupProducer.countryNames(SERVICE_CONFIG.gazetteerResource());

    private final NearDuplicateDetector detector = DedupProducer.nearDuplicateDetector(DEDUP.nearDuplicates());
    private final EnrichmentStoryFeatures features = DedupProducer.storyFeatures(DEDUP.stories(), COUNTRY_NAMES);
    private final StoryAssigner assigner = DedupProducer.storyAssigner(DEDUP.stories(), COUNTRY_NAMES);
    private final List<String> bodies;
    private final List<Map<String, Double>> bodyTerms = new ArrayList<>();

    /** Per base text: its story terms, their weights as COPY text (4 decimals) and as the value that text denotes. */
    private final List<String[]> bodyTermNames = new ArrayList<>();
    private final List<String[]> bodyWeightText = new ArrayList<>();
    private final List<double[]> bodyWeightValue = new ArrayList<>();
    /**
     * Shingle sets of perturbed base texts, hex-encoded for COPY, drawn at random for filler fingerprints: fillers' band
     * keys are random, so no measured article ever compares with a filler's shingles; only their size matters (table
     * and pages), and shingling a million texts would dominate the fill.
     */
    private final List<String> fingerprints = new ArrayList<>();

    private DedupStoryScaleBenchmark(List<String> bodies) {
        this.bodies = bodies;
        for (String b : bodies) {
            Map<String, Double> terms = TermVectors.normalize(TermVectors.top(
                    features.extract(new StoryFeatures.Input(null, b, null, null)).terms(), DEDUP.stories().storyTerms()));
            bodyTerms.add(terms);
            bodyTermNames.add(terms.keySet().toArray(String[]::new));
            String[] text = terms.values().stream().map(w -> String.format(Locale.ROOT, "%.4f", w)).toArray(String[]::new);
            bodyWeightText.add(text);
            bodyWeightValue.add(java.util.Arrays.stream(text).mapToDouble(Double::parseDouble).toArray());
        }
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < FINGERPRINTS; i++) {
            fingerprints.add("\\\\x" + hex.formatHex(JdbcNearDuplicateIndex.encode(detector.shingler().shingles(
                    perturbed(random.nextInt(bodies.size()))))));
        }
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        String db = args.length > 1 ? args[1] : "nf_issue4_bench";
        String[] sizes = (args.length > 2 ? args[2] : "10000,1000000").split(",");
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        String server = System.getProperty("newsflow.bench.server", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getProperty("newsflow.bench.user", "postgres");

        List<String> bodies = new ArrayList<>();
        JsonNode truth = new ObjectMapper().readTree(data.resolve("article-extraction-benchmark/ground-truth.json").toFile());
        truth.forEach(item -> {
            String body = item.path("articleBody").asText("");
            if (body.split("\\s+").length >= 150) {
                bodies.add(body);
            }
        });
        System.out.printf("machine: %d cores, %d MB max heap, load average %.2f; %d base texts%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), bodies.size());
        boolean reuse = Boolean.getBoolean("newsflow.bench.reuse");
        boolean keep = reuse || Boolean.getBoolean("newsflow.bench.keep");
        if (!reuse) {
            try (Connection admin = DriverManager.getConnection(server + "postgres", user, "")) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + db);
                admin.createStatement().execute("CREATE DATABASE " + db);
            }
        }
        try {
            Flyway.configure().dataSource(server + db, user, "").schemas(SCHEMA).defaultSchema(SCHEMA)
                    .locations("classpath:db/migration").load().migrate();
            DedupStoryScaleBenchmark bench = new DedupStoryScaleBenchmark(bodies);
            try (Connection c = DriverManager.getConnection(server + db, user, "")) {
                int filled = reuse ? filled(c) : 0;
                if (reuse) {
                    // the same seed would draw the texts measured last time: those are stored now (near-duplicates)
                    bench.random.setSeed(System.nanoTime());
                    System.out.printf("reusing %s: %,d filler articles stored%n", db, filled);
                }
                for (String s : sizes) {
                    int size = Integer.parseInt(s.strip());
                    if (size > filled) {
                        long t0 = System.nanoTime();
                        bench.fill(c, filled, size);
                        filled = size;
                        System.out.printf("filled %,d articles in %.0f s%n", size, (System.nanoTime() - t0) / 1e9);
                    }
                    awaitStartGate();
                    bench.measure(c, size, measured);
                    bench.profile(c, Integer.getInteger("newsflow.bench.profile", 50));
                }
                bench.explain(c);
            }
        } finally {
            if (keep) {
                System.out.printf("kept database %s%n", db);
            } else {
                try (Connection admin = DriverManager.getConnection(server + "postgres", user, "")) {
                    admin.createStatement().execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                }
            }
        }
    }

    /**
     * Filler articles a kept database holds (ids fill-0 .. fill-(n-1)), counted by their assignments, the last table a
     * batch writes; rows of a batch cut short (a fill stopped before its batches were atomic) are removed, so that the
     * fill can go on from there. The counters are recounted at the end of every fill.
     */
    private static int filled(Connection c) throws SQLException {
        int n;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SCHEMA + ".article_story WHERE article_id LIKE 'fill-%'")) {
            rs.next();
            n = rs.getInt(1);
        }
        try (var ps = c.prepareStatement("SELECT 1 FROM " + SCHEMA + ".near_dup_fingerprint WHERE article_id = ?")) {
            ps.setString(1, "fill-" + n);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return n; // no batch cut short (the usual case: a batch is one transaction): nothing to remove
                }
            }
        }
        String[] partial = java.util.stream.IntStream.range(n, n + BATCH).mapToObj(i -> "fill-" + i).toArray(String[]::new);
        String[] stories = java.util.Arrays.stream(partial).map(id -> "s-" + id).toArray(String[]::new);
        for (String delete : List.of("near_dup_band WHERE article_id", "near_dup_fingerprint WHERE article_id")) {
            try (var ps = c.prepareStatement("DELETE FROM " + SCHEMA + "." + delete + " = ANY(?::text[])")) {
                ps.setArray(1, c.createArrayOf("text", partial));
                ps.executeUpdate();
            }
        }
        try (var ps = c.prepareStatement("DELETE FROM " + SCHEMA + ".story WHERE story_id = ANY(?::text[])")) {
            ps.setArray(1, c.createArrayOf("text", stories)); // postings and entities go with it (ON DELETE CASCADE)
            ps.executeUpdate();
        }
        return n;
    }

    /**
     * On a shared machine the long fill can run under load while the measurement waits for a quiet moment: with
     * {@code -Dnewsflow.bench.start-gate=FILE} each measurement starts only once FILE exists (the operator creates it).
     */
    private static void awaitStartGate() throws InterruptedException {
        String gate = System.getProperty("newsflow.bench.start-gate");
        if (gate == null || gate.isBlank()) {
            return;
        }
        Path file = Path.of(gate);
        if (!Files.exists(file)) {
            System.out.printf("waiting for %s before measuring%n", file);
            while (!Files.exists(file)) {
                Thread.sleep(1000);
            }
        }
        System.out.printf("measuring at load average %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private String perturbed(int base) {
        String[] words = bodies.get(base).split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (random.nextInt(100) < WORD_REPLACE_PERCENT) {
                words[i] = "w" + Integer.toString(random.nextInt(VOCABULARY), 36);
            }
        }
        return String.join(" ", words);
    }

    /** A Zipf-like draw: low ranks (common terms) much more often than high ones. */
    private String vocabularyTerm() {
        int rank = (int) Math.floor(Math.pow(VOCABULARY, random.nextDouble()));
        return "n:t" + Integer.toString(rank, 36);
    }

    /** Adds filler articles {@code from} .. {@code to - 1}: band keys, fingerprints, stories, postings, assignments. */
    private void fill(Connection c, int from, int to) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        // PostgreSQL's bulk-load advice: COPY into tables without their indexes, then build each index once (sorted)
        // from its own definition; random-key inserts into existing B-trees made a 1M fill take 1.5 h.
        // -Dnewsflow.bench.fill=indexed keeps the indexes during the COPY (the older, slower fill).
        boolean bulk = !"indexed".equals(System.getProperty("newsflow.bench.fill"));
        List<String> rebuild = bulk ? dropIndexes(c) : List.of();
        HexFormat hex = HexFormat.of();
        for (int start = from; start < to; start += BATCH) {
            int end = Math.min(to, start + BATCH);
            StringBuilder bands = new StringBuilder();
            StringBuilder prints = new StringBuilder();
            StringBuilder stories = new StringBuilder();
            StringBuilder postings = new StringBuilder();
            StringBuilder assigned = new StringBuilder();
            for (int i = start; i < end; i++) {
                String id = "fill-" + i;
                // spread over the windows: fingerprints over 30 days, stories within the 3-day story window
                String seen = ts(NOW.minusSeconds(random.nextInt(30 * 86_400)));
                String updated = ts(NOW.minusSeconds(random.nextInt(3 * 86_400 - 3_600)));
                int base = random.nextInt(bodies.size());
                for (int b = 0; b < DEDUP.nearDuplicates().bands(); b++) {
                    bands.append(random.nextLong()).append('\t').append(id).append('\t').append(seen).append('\n');
                }
                prints.append(id).append('\t').append(fingerprints.get(random.nextInt(fingerprints.size()))).append('\t')
                        .append(seen).append('\n');
                List<String> terms = new ArrayList<>();
                List<String> weights = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                double squares = 0;
                String[] baseTerms = bodyTermNames.get(base);
                for (int k = 0; k < baseTerms.length; k++) {
                    String term = random.nextInt(3) == 0 ? vocabularyTerm() : baseTerms[k];
                    if (!terms.contains(term)) {
                        terms.add(term);
                        weights.add(bodyWeightText.get(base)[k]);
                        double w = bodyWeightValue.get(base)[k];
                        values.add(w);
                        squares += w * w;
                    }
                }
                double norm = Math.sqrt(squares);
                String story = "s-" + id;
                stories.append(story).append('\t').append(updated).append('\t').append(updated).append("\t1\t{bench}\t{}\t")
                        .append(pgArray(terms)).append('\t').append("{").append(String.join(",", weights)).append("}\n");
                for (int k = 0; k < terms.size(); k++) {
                    // the posting's weight as the story index writes it: the story's weight over its vector's norm
                    postings.append(terms.get(k).replace("\\", "\\\\")).append('\t').append(story).append('\t').append(updated)
                            .append('\t').append(norm == 0 ? 0 : values.get(k) / norm).append('\n');
                }
                assigned.append(id).append('\t').append(story).append("\t1.0\t").append(updated).append('\n');
            }
            // one transaction per batch: a fill stopped midway leaves whole batches only
            c.setAutoCommit(false);
            copy(copy, "near_dup_band (band_key, article_id, first_seen_at)", bands);
            copy(copy, "near_dup_fingerprint (article_id, shingles, first_seen_at)", prints);
            copy(copy, "story (story_id, first_seen_at, last_updated_at, article_count, sources, top_entities, terms, weights)", stories);
            copy(copy, "story_term (term, story_id, last_updated_at, weight)", postings);
            copy(copy, "article_story (article_id, story_id, similarity, assigned_at)", assigned);
            c.commit();
            c.setAutoCommit(true);
        }
        if (!rebuild.isEmpty()) {
            long t = System.nanoTime();
            try (Statement st = c.createStatement()) {
                st.execute("SET maintenance_work_mem = '1GB'"); // this session only
                for (String ddl : rebuild) {
                    st.execute(ddl);
                }
                st.execute("RESET maintenance_work_mem");
            }
            System.out.printf("rebuilt %d indexes and constraints in %.0f s%n", rebuild.size(), (System.nanoTime() - t) / 1e9);
        }
        try (Statement st = c.createStatement()) {
            // the per-term counters the story index keeps in step with the postings (COPY bypasses it)
            st.execute("TRUNCATE " + SCHEMA + ".story_term_count");
            st.execute("INSERT INTO " + SCHEMA + ".story_term_count (term, stories) SELECT term, count(*) FROM " + SCHEMA
                    + ".story_term GROUP BY term");
            st.execute("UPDATE " + SCHEMA + ".story_count_shard c SET stories = (SELECT count(*) FROM " + SCHEMA
                    + ".story s WHERE (hashtext(s.story_id) & 15) = c.shard)");
            // a store that has been running has been vacuumed (autovacuum): set the visibility map of the bulk-loaded
            // postings, as it would be, so that index-only scans are index-only for them
            st.execute("VACUUM (ANALYZE) " + SCHEMA + ".story_term");
            st.execute("ANALYZE");
        }
    }

    /** The tables the fill writes. */
    private static final List<String> FILLED = List.of("near_dup_band", "near_dup_fingerprint", "story", "story_term",
            "article_story");

    /**
     * Drops the filled tables' foreign keys, primary keys and indexes and returns the DDL that recreates them from the
     * catalogue's own definitions (primary keys first, then indexes, then foreign keys, which need the keys).
     */
    private static List<String> dropIndexes(Connection c) throws SQLException {
        List<String> keys = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        String tables = "ARRAY[" + String.join(",", FILLED.stream().map(t -> "'" + SCHEMA + "." + t + "'::regclass").toList()) + "]";
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT conrelid::regclass, conname, pg_get_constraintdef(oid), contype FROM "
                    + "pg_constraint WHERE contype IN ('f','p','u') AND (conrelid = ANY(" + tables + ") OR confrelid = ANY("
                    + tables + ")) ORDER BY contype <> 'f', conname")) {
                while (rs.next()) {
                    String add = "ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " " + rs.getString(3);
                    ("f".equals(rs.getString(4)) ? foreign : keys).add(add);
                    drops.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT i.indexrelid::regclass, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                    + "WHERE i.indrelid = ANY(" + tables + ") AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = "
                    + "i.indexrelid) ORDER BY 1::text")) {
                while (rs.next()) {
                    indexes.add(rs.getString(2));
                    drops.add("DROP INDEX " + rs.getString(1));
                }
            }
            for (String d : drops) {
                st.execute(d);
            }
        }
        List<String> out = new ArrayList<>(keys);
        out.addAll(indexes);
        out.addAll(foreign);
        return out;
    }

    private void measure(Connection c, int size, int measured) throws SQLException {
        c.setAutoCommit(false);
        TimedNearDuplicateIndex near = new TimedNearDuplicateIndex(new JdbcNearDuplicateIndex(c, SCHEMA, 5000));
        TimedStoryIndex stories = new TimedStoryIndex(new JdbcStoryIndex(c, SCHEMA, 10, 10, 5000));
        Map<String, long[]> relations0 = null;
        int warmup = Math.max(20, measured / 10);
        // measured ids differ per run: a kept database already holds those of earlier runs
        String run = Long.toString(System.currentTimeMillis(), 36);
        int duplicates = 0;
        int joined = 0;
        long t0 = 0;
        long nearNanos = 0;
        long storyNanos = 0;
        long[] blocks0 = null;
        for (int i = 0; i < warmup + measured; i++) {
            if (i == warmup) {
                blocks0 = blocks(c);
                relations0 = relations(c);
                t0 = System.nanoTime();
                stories.reset();
                near.reset();
            }
            String id = "m" + size + "-" + run + "-" + i;
            String text = perturbed(random.nextInt(bodies.size()));
            Instant now = Instant.now();
            long s0 = System.nanoTime();
            boolean dup = detector.detect(id, text, near, now).isPresent();
            c.commit();
            long s1 = System.nanoTime();
            boolean created = assigner.assign(id, "bench", new StoryFeatures.Input(null, text, null, null), null, stories, now)
                    .created();
            stories.timed("commit", 1, () -> {
                try {
                    c.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            if (i >= warmup) {
                nearNanos += s1 - s0;
                storyNanos += System.nanoTime() - s1;
                duplicates += dup ? 1 : 0;
                joined += created ? 0 : 1;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] blocks1 = blocks(c);
        Map<String, long[]> relations1 = relations(c);
        c.setAutoCommit(true);
        System.out.printf("size %,d: %d articles in %.2f s = %.1f articles/s (near-duplicate stage %.1f ms/article, story "
                + "stage %.1f ms/article; near-duplicates %d, joined stories %d), load average %.2f%n", size, measured, seconds,
                measured / seconds, nearNanos / 1e6 / measured, storyNanos / 1e6 / measured, duplicates, joined,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("  near-duplicate index calls:");
        near.print(measured);
        System.out.println("  story index calls:");
        stories.print(measured);
        printRelations(relations0, relations1, measured);
        // load-independent: pages the two stages needed per article, and how many of them were not in shared buffers
        System.out.printf("  buffer pages per article (both stages): %.0f read from outside shared buffers, %.0f hits%n",
                (blocks1[0] - blocks0[0]) / (double) measured, (blocks1[1] - blocks0[1]) / (double) measured);
    }

    /** This database's cumulative blocks read / hit, after flushing this backend's pending statistics. */
    private static long[] blocks(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_force_next_flush()");
            c.commit();
            try (ResultSet rs = st.executeQuery(
                    "SELECT blks_read, blks_hit FROM pg_stat_database WHERE datname = current_database()")) {
                rs.next();
                long[] out = { rs.getLong(1), rs.getLong(2) };
                c.commit();
                return out;
            }
        }
    }

    private static final String[] PROFILE_COLUMNS = { "calls", "rows", "hit", "read", "dirtied", "written", "walRec",
        "walFPI", "walKB" };

    /**
     * Per statement, per article, for {@code articles} more articles through both stages (not timed: every statement
     * runs under auto_explain with ANALYZE, BUFFERS and WAL, whose plans come back as notices): calls, rows, shared
     * buffer hits / reads / pages dirtied / written, WAL records / full-page images / kB. Load-independent evidence of
     * which statement touches which pages.
     */
    private void profile(Connection c, int articles) throws SQLException {
        if (articles <= 0) {
            return;
        }
        Map<String, double[]> byStatement = new java.util.TreeMap<>();
        Connection traced = tracing(c, byStatement);
        try (Statement st = c.createStatement()) {
            for (String set : List.of("LOAD 'auto_explain'", "SET auto_explain.log_min_duration = 0",
                    "SET auto_explain.log_analyze = on", "SET auto_explain.log_buffers = on", "SET auto_explain.log_wal = on",
                    "SET auto_explain.log_timing = off", "SET auto_explain.log_format = json",
                    "SET auto_explain.log_level = notice", "SET client_min_messages = notice")) {
                st.execute(set);
            }
        }
        c.setAutoCommit(false);
        JdbcNearDuplicateIndex near = new JdbcNearDuplicateIndex(traced, SCHEMA, 5000);
        JdbcStoryIndex stories = new JdbcStoryIndex(traced, SCHEMA, 10, 10, 5000);
        String run = "p" + Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < articles; i++) {
            String id = run + "-" + i;
            String text = perturbed(random.nextInt(bodies.size()));
            Instant now = Instant.now();
            detector.detect(id, text, near, now);
            traced.commit();
            assigner.assign(id, "bench", new StoryFeatures.Input(null, text, null, null), null, stories, now);
            traced.commit();
        }
        collect(c.getWarnings(), byStatement);
        c.clearWarnings();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("SET auto_explain.log_min_duration = -1");
        }
        collect(c.getWarnings(), byStatement);
        c.clearWarnings();
        System.out.printf("  per statement, per article (%d more articles under auto_explain):%n", articles);
        byStatement.forEach((q, v) -> {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < v.length; k++) {
                line.append(String.format(Locale.ROOT, " %s %7.1f", PROFILE_COLUMNS[k], v[k] / articles));
            }
            System.out.printf("    %-60s%s%n", q, line);
        });
    }

    /** The connection, whose statements hand the plans they received as notices to {@link #collect} when closed. */
    private static Connection tracing(Connection c, Map<String, double[]> into) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, m, args) -> {
                    Object out;
                    try {
                        out = m.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (m.getName().equals("commit")) {
                        collect(c.getWarnings(), into);
                        c.clearWarnings();
                    }
                    if (out instanceof java.sql.PreparedStatement ps) {
                        return java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                                new Class<?>[] { java.sql.PreparedStatement.class }, (p2, m2, a2) -> {
                                    if (m2.getName().equals("close")) {
                                        collect(ps.getWarnings(), into);
                                    }
                                    try {
                                        return m2.invoke(ps, a2);
                                    } catch (java.lang.reflect.InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                });
                    }
                    return out;
                });
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void collect(java.sql.SQLWarning w, Map<String, double[]> into) {
        for (; w != null; w = w.getNextWarning()) {
            String msg = w.getMessage();
            int brace = msg == null ? -1 : msg.indexOf('{');
            if (brace < 0) {
                continue;
            }
            try {
                JsonNode root = JSON.readTree(msg.substring(brace));
                JsonNode plan = root.path("Plan");
                String q = root.path("Query Text").asText().replaceAll("\\s+", " ").strip();
                q = q.length() > 60 ? q.substring(0, 60) : q;
                double[] v = into.computeIfAbsent(q, k -> new double[PROFILE_COLUMNS.length]);
                v[0]++;
                v[1] += plan.path("Actual Rows").asDouble();
                v[2] += plan.path("Shared Hit Blocks").asDouble();
                v[3] += plan.path("Shared Read Blocks").asDouble();
                v[4] += plan.path("Shared Dirtied Blocks").asDouble();
                v[5] += plan.path("Shared Written Blocks").asDouble();
                v[6] += plan.path("WAL Records").asDouble();
                v[7] += plan.path("WAL FPI").asDouble();
                v[8] += plan.path("WAL Bytes").asDouble() / 1024;
            } catch (IOException e) {
                throw new IllegalStateException("unreadable auto_explain notice: " + msg, e);
            }
        }
    }

    private static final String[] RELATION_COLUMNS = { "read", "hit", "ins", "upd", "hot", "del" };

    /**
     * Per table and index of the enrich schema: blocks read from outside shared buffers and hits (pg_statio_*), and for
     * tables rows inserted / updated / HOT-updated / deleted (pg_stat_user_tables); counts only this database.
     */
    private static Map<String, long[]> relations(Connection c) throws SQLException {
        Map<String, long[]> out = new java.util.TreeMap<>();
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_force_next_flush()");
            c.commit();
            try (ResultSet rs = st.executeQuery("SELECT t.relname, coalesce(t.heap_blks_read, 0), coalesce(t.heap_blks_hit, 0), "
                    + "s.n_tup_ins, s.n_tup_upd, s.n_tup_hot_upd, s.n_tup_del FROM pg_statio_user_tables t JOIN "
                    + "pg_stat_user_tables s USING (relid) WHERE t.schemaname = '" + SCHEMA + "'")) {
                while (rs.next()) {
                    out.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7) });
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT relname || '.' || indexrelname, idx_blks_read, idx_blks_hit FROM "
                    + "pg_statio_user_indexes WHERE schemaname = '" + SCHEMA + "'")) {
                while (rs.next()) {
                    out.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), 0, 0, 0, 0 });
                }
            }
            c.commit();
        }
        return out;
    }

    private static void printRelations(Map<String, long[]> before, Map<String, long[]> after, int articles) {
        System.out.println("  per relation, per article (blocks read from outside shared buffers / hits; table rows "
                + "inserted / updated / HOT / deleted):");
        after.forEach((name, a) -> {
            long[] b = before.getOrDefault(name, new long[a.length]);
            StringBuilder line = new StringBuilder();
            boolean any = false;
            for (int k = 0; k < a.length; k++) {
                double d = (a[k] - b[k]) / (double) articles;
                any |= d != 0;
                line.append(String.format(Locale.ROOT, " %s %7.2f", RELATION_COLUMNS[k], d));
            }
            if (any) {
                System.out.printf("    %-52s%s%n", name, line);
            }
        });
    }

    private void explain(Connection c) throws SQLException {
        String[] queries = {
            "SELECT band_key, article_id FROM enrich.near_dup_band WHERE band_key = ANY(ARRAY[1,2,3]::bigint[])",
            "SELECT p.story_id FROM unnest(ARRAY['n:japan','n:t1','w:minister']::text[], ARRAY[0.6,0.5,0.4]::float8[]) "
                    + "AS t(term, weight) CROSS JOIN LATERAL (SELECT st.story_id, st.weight FROM enrich.story_term st "
                    + "WHERE st.term = t.term AND st.last_updated_at >= now() - interval '3 days' "
                    + "ORDER BY st.last_updated_at DESC LIMIT 50) AS p "
                    + "GROUP BY p.story_id ORDER BY sum(t.weight * p.weight) DESC, p.story_id COLLATE \"C\" LIMIT 30",
            "SELECT t.term, least(coalesce(c.stories, 0), 50) FROM unnest(ARRAY['n:japan','n:t1','w:minister','w:said','w:year']::text[]) "
                    + "AS t(term) LEFT JOIN enrich.story_term_count c ON c.term = t.term",
            "SELECT least(coalesce(sum(stories), 0), 10000)::int FROM enrich.story_count_shard",
            "SELECT story_id, terms, weights FROM enrich.story WHERE story_id = ANY(ARRAY(SELECT 's-fill-' || (i * 7919 % 10000) "
                    + "FROM generate_series(1, 500) AS i))",
        };
        try (Statement st = c.createStatement()) {
            for (String q : queries) {
                System.out.println("EXPLAIN ANALYZE " + q);
                try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) " + q)) {
                    while (rs.next()) {
                        System.out.println("  " + rs.getString(1));
                    }
                }
            }
        }
    }

    /** Time, calls and items per named call, since the last reset. */
    private static class CallTimes {
        private final Map<String, long[]> nanos = new java.util.TreeMap<>();

        void reset() {
            nanos.clear();
        }

        void print(int articles) {
            nanos.forEach((k, v) -> System.out.printf("  %-18s %6.2f ms/article, %5.1f calls/article, %6.1f items/article%n", k,
                    v[0] / 1e6 / articles, v[1] / (double) articles, v[2] / (double) articles));
        }

        /** Records a call to {@code name} that started at {@code startNanos}. */
        void add(String name, long startNanos, int items) {
            long[] v = nanos.computeIfAbsent(name, k -> new long[3]);
            v[0] += System.nanoTime() - startNanos;
            v[1]++;
            v[2] += items;
        }
    }

    /** Times each story-index call (which statements the story stage's cost is in). */
    private static final class TimedStoryIndex extends CallTimes implements StoryIndex {
        private final StoryIndex delegate;

        TimedStoryIndex(StoryIndex delegate) {
            this.delegate = delegate;
        }

        private <T> T timed(String name, int items, java.util.function.Supplier<T> call) {
            long t = System.nanoTime();
            T out = call.get();
            add(name, t, items);
            return out;
        }

        @Override
        public java.util.Optional<String> storyOfArticle(String articleId) {
            return timed("storyOfArticle", 1, () -> delegate.storyOfArticle(articleId));
        }

        @Override
        public void lockTerms(List<String> sortedTerms) {
            timed("lockTerms", sortedTerms.size(), () -> {
                delegate.lockTerms(sortedTerms);
                return null;
            });
        }

        @Override
        public java.util.Set<String> candidates(Map<String, Double> vector, Instant notBefore, int perTermLimit, int limit) {
            return timed("candidates", vector.size(), () -> delegate.candidates(vector, notBefore, perTermLimit, limit));
        }

        @Override
        public Map<String, Integer> storyFrequencies(java.util.Collection<String> terms, int cap) {
            return timed("storyFrequencies", terms.size(), () -> delegate.storyFrequencies(terms, cap));
        }

        @Override
        public int storedStories(int cap) {
            return timed("storedStories", 1, () -> delegate.storedStories(cap));
        }

        @Override
        public Map<String, StoryState> load(java.util.Collection<String> storyIds) {
            return timed("load", storyIds.size(), () -> delegate.load(storyIds));
        }

        @Override
        public StoryState lockStory(String storyId) {
            return timed("lockStory", 1, () -> delegate.lockStory(storyId));
        }

        @Override
        public void save(String articleId, double similarity, StoryState state, String source, Map<String, Integer> entities,
                Instant now) {
            timed("save", state.terms().size(), () -> {
                delegate.save(articleId, similarity, state, source, entities, now);
                return null;
            });
        }

        @Override
        public int expire(Instant cutoff) {
            return delegate.expire(cutoff);
        }
    }

    /** Times each near-duplicate index call; items = owners found (claim) or fingerprints loaded. */
    private static final class TimedNearDuplicateIndex extends CallTimes implements io.newsflow.enrich.dedup.NearDuplicateIndex {
        private final io.newsflow.enrich.dedup.NearDuplicateIndex delegate;

        TimedNearDuplicateIndex(io.newsflow.enrich.dedup.NearDuplicateIndex delegate) {
            this.delegate = delegate;
        }

        @Override
        public Set<String> claim(String articleId, io.newsflow.enrich.dedup.Fingerprint fp, Instant now, Instant notBefore) {
            long t = System.nanoTime();
            Set<String> out = delegate.claim(articleId, fp, now, notBefore);
            add("claim", t, out.size());
            return out;
        }

        @Override
        public Map<String, int[]> shingles(java.util.Collection<String> articleIds) {
            long t = System.nanoTime();
            Map<String, int[]> out = delegate.shingles(articleIds);
            add("shingles", t, out.size());
            return out;
        }

        @Override
        public void release(String articleId, long[] bandKeys) {
            long t = System.nanoTime();
            delegate.release(articleId, bandKeys);
            add("release", t, bandKeys.length);
        }

        @Override
        public int expire(Instant cutoff) {
            return delegate.expire(cutoff);
        }
    }

    private static void copy(CopyManager copy, String table, StringBuilder rows) throws SQLException, IOException {
        try (Reader r = new StringReader(rows.toString())) {
            copy.copyIn("COPY " + SCHEMA + "." + table + " FROM STDIN", r);
        }
    }

    private static String pgArray(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"').append(values.get(i).replace("\\", "\\\\\\\\").replace("\"", "\\\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    private static String ts(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
