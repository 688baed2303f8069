package io.newsflow.query.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.query.persistence.BulkArticleWriter;

/**
 * The initial fill of an empty bench store: the secondary indexes of article are dropped, the
 * article rows COPYed by several connections in large batches (PostgreSQL computes the generated search columns
 * as always), then the indexes rebuilt in one sort each and the derived tables backfilled set-wise
 * ({@link BulkArticleWriter#backfillDerived}). The table stays logged; only the index maintenance is deferred.
 */
final class FastFill {

    /** Index builds sort in memory; a session setting, the server's configuration is untouched. */
    private static final String MAINTENANCE_MEMORY = "SET maintenance_work_mem = '1GB'";

    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private final SyntheticCorpus corpus;
    private final BulkArticleWriter writer;

    FastFill(String url, String user, String password, String schema, SyntheticCorpus corpus,
            BulkArticleWriter writer) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
        this.corpus = corpus;
        this.writer = writer;
    }

    void fill(long articles, int batchSize, int threads) throws Exception {
        long started = System.nanoTime();
        List<String> indexes = dropSecondaryIndexes(List.of("article"));
        AtomicLong nextBatch = new AtomicLong();
        AtomicLong copied = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    try (Connection c = connect()) {
                        c.setAutoCommit(false);
                        for (long b = nextBatch.getAndIncrement(); b * batchSize < articles;
                                b = nextBatch.getAndIncrement()) {
                            long from = b * batchSize;
                            List<EnrichedArticle> batch = new ArrayList<>(batchSize);
                            for (long n = from; n < Math.min(articles, from + batchSize); n++) {
                                batch.add(corpus.article(n));
                            }
                            writer.copyArticles(c, batch, Instant.now());
                            c.commit();
                            long total = copied.addAndGet(batch.size());
                            if (b % 20 == 0) {
                                report("copied %d rows".formatted(total), started);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            report("COPY done, %d rows".formatted(copied.get()), started);
            // The GIN index is by far the longest build: it runs alongside the B-trees, on its own connection.
            List<Future<?>> builds = new ArrayList<>();
            List<String> gin = indexes.stream().filter(d -> d.contains("USING gin")).toList();
            List<String> others = indexes.stream().filter(d -> !d.contains("USING gin")).toList();
            builds.add(pool.submit(() -> createIndexes(gin)));
            builds.add(pool.submit(() -> createIndexes(others)));
            try (Connection c = connect()) {
                c.setAutoCommit(false);
                writer.backfillDerived(c, Instant.now());
                c.commit();
            }
            report("derived tables backfilled", started);
            for (Future<?> f : builds) {
                f.get();
            }
            report("indexes rebuilt", started);
        } finally {
            pool.shutdown();
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            // Visibility map for index-only scans, and statistics for the planner.
            for (String table : List.of("article", "story", "stream_event")) {
                st.execute("VACUUM (ANALYZE) " + schema + "." + table);
            }
        }
        report("fill done", started);
    }

    private Void createIndexes(List<String> definitions) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(MAINTENANCE_MEMORY);
            for (String definition : definitions) {
                long t0 = System.nanoTime();
                st.execute(definition);
                System.out.printf(Locale.ROOT, "bench: fill: %.0f s %s%n", (System.nanoTime() - t0) / 1e9, definition);
            }
        }
        return null;
    }

    /** Drops the indexes that back no constraint (primary keys stay), returning their definitions. */
    private List<String> dropSecondaryIndexes(List<String> tables) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String table : tables) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("""
                        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                        WHERE i.indrelid = '%s.%s'::regclass
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                        """.formatted(schema, table))) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                        definitions.add(rs.getString(2));
                    }
                }
                for (String name : names) {
                    st.execute("DROP INDEX " + name);
                }
            }
        }
        return definitions;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static void report(String what, long started) {
        System.out.printf(Locale.ROOT, "bench: fill: %s after %.0f s%n", what, (System.nanoTime() - started) / 1e9);
    }
}
