package io.newsflow.query.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.query.persistence.BulkArticleWriter;

/**
 * Scale loader (not part of the default build: tag "bench", run with -Pbench). Fills a database of its own with
 * synthetic articles through {@link BulkArticleWriter} while a query thread searches, and measures the bulk path
 * against a plain COPY of the same rows into the same table and indexes, interleaved in the same run. The COPY is
 * timed twice per compared batch: rolled back (the original baseline), and committed (then deleted, untimed) — the
 * bulk path's time includes its commit, i.e. waiting for the WAL flush, which a rolled-back COPY never does.
 * Resumable: it continues after the articles already loaded.
 *
 * <pre>
 * ./mvnw -B -pl query-service -am verify -Pbench -Dnewsflow.bench.articles=1000000
 * </pre>
 */
@Tag("bench")
class BulkLoadBenchmarkTest {

    private static final String SCHEMA = "query";

    private static String prop(String name, String def) {
        return System.getProperty("newsflow.bench." + name, def);
    }

    @Test
    void load() throws Exception {
        String server = prop("server", "jdbc:postgresql://127.0.0.1:5432/");
        String database = prop("database", "newsflow_bench_issue5");
        String user = prop("user", "postgres");
        String password = prop("password", "");
        long total = Long.parseLong(prop("articles", "1000000"));
        int batchSize = Integer.parseInt(prop("batch", "1000"));
        int compareEvery = Integer.parseInt(prop("compare-every", "10"));
        // An empty store is first filled up to (articles - compare-rows) by the fast path; the rest goes through
        // the bulk path with every index in place, compared batch by batch with a plain COPY.
        long compareRows = Long.parseLong(prop("compare-rows", "10000"));
        int fillThreads = Integer.parseInt(prop("fill-threads", "2"));
        int fillBatch = Integer.parseInt(prop("fill-batch", "5000"));
        Path shared = Path.of(System.getProperty("newsflow.shared.data", "../../shared/data"));
        // Per-statement time, buffers and WAL of the loading connection, in the server log (session settings).
        boolean explain = Boolean.parseBoolean(prop("explain", "false"));

        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
                Statement st = admin.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            if (!rs.next()) {
                st.execute("CREATE DATABASE " + database);
            }
        }
        String url = server + database;
        Flyway.configure().dataSource(url, user, password).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/migration").load().migrate();

        SyntheticCorpus corpus = new SyntheticCorpus(shared, 42);
        SyntheticCorpus shadow = new SyntheticCorpus(shared, 4242);
        BulkArticleWriter writer = new BulkArticleWriter(SCHEMA);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            long fillTo = total - compareRows;
            if (countLoaded(c) == 0 && fillTo > 0) {
                new FastFill(url, user, password, SCHEMA, corpus, writer).fill(fillTo, fillBatch, fillThreads);
            }
        }

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong queries = new AtomicLong();
        AtomicLong queryNanos = new AtomicLong();
        Thread searcher = new Thread(() -> searchWhileLoading(url, user, password, loading, queries, queryNanos),
                "bench-searcher");
        searcher.start();

        long bulkRows = 0;
        long bulkNanos = 0;
        long copyRows = 0;
        long copyNanos = 0;
        long committedCopyNanos = 0;
        long loaded;
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            if (explain) {
                explainStatements(c);
            }
            loaded = countLoaded(c);
            long first = loaded;
            System.out.printf(Locale.ROOT, "bench: %d articles already loaded, loading up to %d%n", loaded, total);
            for (long batchIndex = 0; loaded < total; batchIndex++) {
                int size = (int) Math.min(batchSize, total - loaded);
                List<EnrichedArticle> batch = new ArrayList<>(size);
                for (long n = loaded; n < loaded + size; n++) {
                    batch.add(corpus.article(n));
                }
                boolean compare = batchIndex % compareEvery == 0;
                List<EnrichedArticle> twin = null;
                if (compare) {
                    // The same rows under other ids, for the plain COPY (rolled back, so the store is unchanged).
                    twin = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        EnrichedArticle a = batch.get(i);
                        twin.add(withId(a, shadow.idOf(loaded + i)));
                    }
                }
                // The three writes of a compared batch take turns in each position: the second and third write
                // of the same rows find warm pages, so a fixed order would favour whichever comes later.
                int rotation = (int) ((batchIndex / compareEvery) % 3);
                for (int step = 0; step < (compare ? 3 : 1); step++) {
                    int write = compare ? (step + rotation) % 3 : 0;
                    if (write == 0) {
                        long t0 = System.nanoTime();
                        writer.write(c, batch, Instant.now());
                        c.commit();
                        if (compare) {
                            bulkNanos += System.nanoTime() - t0;
                            bulkRows += size;
                        }
                    } else if (write == 1) {
                        copyNanos += plainCopy(c, writer, twin, false);
                        copyRows += size;
                    } else {
                        committedCopyNanos += plainCopy(c, writer, twin, true);
                    }
                }
                loaded += size;
                if (batchIndex % 50 == 0 || loaded == total) {
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    System.out.printf(Locale.ROOT,
                            "bench: %d loaded, %.0f rows/s overall; compared: bulk %.0f rows/s, plain COPY %.0f rows/s"
                                    + " (ratio %.3f); %d searches meanwhile, mean %.1f ms%n",
                            loaded, (loaded - first) / elapsed, rate(bulkRows, bulkNanos), rate(copyRows, copyNanos),
                            rate(bulkRows, bulkNanos) / rate(copyRows, copyNanos), queries.get(),
                            queries.get() == 0 ? 0 : queryNanos.get() / 1e6 / queries.get());
                }
            }
        } finally {
            loading.set(false);
            searcher.join();
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("ANALYZE " + SCHEMA + ".article");
            st.execute("ANALYZE " + SCHEMA + ".story");
            st.execute("ANALYZE " + SCHEMA + ".stream_event");
        }
        System.out.printf(Locale.ROOT, "bench: RESULT loaded=%d bulkRowsPerSec=%.0f plainCopyRowsPerSec=%.0f "
                + "ratio=%.3f committedCopyRowsPerSec=%.0f ratioToCommittedCopy=%.3f comparedRows=%d searches=%d"
                + " meanSearchMs=%.1f%n", loaded, rate(bulkRows, bulkNanos), rate(copyRows, copyNanos),
                rate(bulkRows, bulkNanos) / rate(copyRows, copyNanos), rate(copyRows, committedCopyNanos),
                rate(bulkRows, bulkNanos) / rate(copyRows, committedCopyNanos), bulkRows, queries.get(),
                queries.get() == 0 ? 0 : queryNanos.get() / 1e6 / queries.get());
    }

    private static double rate(long rows, long nanos) {
        return nanos == 0 ? 0 : rows / (nanos / 1e9);
    }

    /**
     * Times a plain COPY of {@code rows}: rolled back, or committed (the commit timed, as in the bulk path) and
     * then deleted untimed, so that the store is unchanged either way.
     */
    private static long plainCopy(Connection c, BulkArticleWriter writer, List<EnrichedArticle> rows, boolean commit)
            throws Exception {
        long t0 = System.nanoTime();
        writer.copyArticles(c, rows, Instant.now());
        if (commit) {
            c.commit();
        }
        long dt = System.nanoTime() - t0;
        if (commit) {
            String sql = "DELETE FROM " + SCHEMA + ".article WHERE id = ANY (?)";
            try (PreparedStatement delete = c.prepareStatement(sql)) {
                delete.setArray(1, c.createArrayOf("text", rows.stream().map(EnrichedArticle::id).toArray()));
                delete.executeUpdate();
            }
            c.commit();
        } else {
            c.rollback();
        }
        return dt;
    }

    /**
     * Logs every statement of this session with its duration, and its plan with actual times, buffers and WAL
     * (auto_explain, nested statements included) to the server log, tagged with the backend pid printed here.
     */
    private static void explainStatements(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("LOAD 'auto_explain'");
            for (String setting : List.of("log_min_duration_statement = 0", "auto_explain.log_min_duration = 0",
                    "auto_explain.log_analyze = on", "auto_explain.log_buffers = on", "auto_explain.log_wal = on",
                    "auto_explain.log_nested_statements = on")) {
                st.execute("SET " + setting);
            }
            try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                System.out.printf(Locale.ROOT, "bench: statements explained in the server log, pid %d%n", rs.getInt(1));
            }
        }
        c.commit();
    }

    private static long countLoaded(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SCHEMA + ".article")) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }

    /** Representative searches (full text + filter, newest first) on their own connection during the load. */
    private static void searchWhileLoading(String url, String user, String password, AtomicBoolean loading,
            AtomicLong queries, AtomicLong nanos) {
        String[] terms = {"election", "police", "climate", "Japan", "market", "court", "government", "water"};
        String sql = "SELECT a.id FROM " + SCHEMA + ".article a WHERE a.search_config = 'english'::regconfig"
                + " AND a.search_vector @@ websearch_to_tsquery('english'::regconfig, ?) AND a.duplicate_of IS NULL"
                + " AND a.source = ? ORDER BY a.sort_published_at DESC, a.id DESC LIMIT 21";
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; loading.get(); i++) {
                ps.setString(1, terms[i % terms.length]);
                ps.setString(2, "source-" + (i % 7) + ".example");
                long t0 = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                nanos.addAndGet(System.nanoTime() - t0);
                queries.incrementAndGet();
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static EnrichedArticle withId(EnrichedArticle a, String id) {
        return new EnrichedArticle(id, a.url() + "?twin", a.canonicalUrl() + "?twin", a.source(), a.title(),
                a.authors(), a.publishedAt(), a.publishedAtSource(), a.language(), a.languageConfidence(), a.text(),
                a.lede(), a.wordCount(), a.readingTimeMinutes(), a.entities(), a.keywords(), a.contentHash(),
                a.duplicateOf(), a.duplicateKind(), a.similarity(), a.storyId(), a.version(), a.ingestedAt(),
                a.enrichedAt(), a.pipelineVersion(), a.provenance());
    }
}
