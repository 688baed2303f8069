package io.newsflow.query.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Tunables of query-service (defaults live in application.properties). */
@ConfigMapping(prefix = "newsflow.query")
public interface QueryConfig {

    /** Name written into the dlq-service header. */
    String serviceName();

    /**
     * Parallel workers per query on the service's connections ({@code max_parallel_workers_per_gather}, set when a
     * connection opens). Time-windowed searches need 0: they rely on a serial Append reading its branches in order.
     */
    int dbParallelWorkers();

    Search search();

    Page page();

    Cursor cursor();

    Store store();

    Facets facets();

    Histogram histogram();

    Stories stories();

    Stream stream();

    interface Search {
        /** Longest accepted {@code q}, in characters. */
        int maxQueryLength();

        /** Most values accepted for a repeatable filter such as {@code source} or {@code lang}. */
        int maxFilterValues();

        /** Longest accepted value of a filter parameter (source, lang, url), in characters. */
        int maxFilterValueLength();

        /**
         * How the {@code snippet} field is cut and marked, in PostgreSQL {@code ts_headline}'s option syntax and
         * meaning (MaxFragments, MaxWords, MinWords, ShortWord, StartSel, StopSel, FragmentDelimiter,
         * HighlightAll); the service builds the snippet itself ({@code SnippetBuilder}).
         */
        String headlineOptions();

        /** The snippet is cut from this many leading characters of the text (its cost grows with them). */
        int snippetMaxChars();

        /**
         * Stems remembered per text-search configuration for snippets (emptied when full): stemming every word of
         * every shown row was most of a snippet's CPU.
         */
        int snippetStemCacheWords();

        /**
         * sort=relevance ranks at most this many of the newest matches (ranking every match of a common term
         * reads every matching row); the response says when the limit applied.
         */
        int relevanceCandidates();

        /**
         * Buffers a row walked newest-first costs (its heap page plus its TOASTed tsvector, detoasted to check the
         * match) per buffer of a match fetched by the text index (its heap page). A list whose facet probe
         * estimates so few matches that walking to a full page would cost more than fetching every match takes
         * and sorts every match instead.
         */
        int walkedRowCost();

        /**
         * A newest-first search bounded by a source or dates takes its matches in time windows that grow backwards
         * from the newest possible time (see {@code ArticleSearch.ListPlan#NEWEST_WINDOWS}): the first window's
         * width.
         */
        Duration firstWindow();

        /** Each further window is this many times wider than the one before it (at least 2). */
        int windowGrowth();

        /** Most windows of such a search; the last one takes every older row. */
        int maxWindows();

        /**
         * How long the newest stored time, from which the windows are counted back, is reused before it is read
         * again (a stale one only widens the first window, which has no upper bound).
         */
        Duration windowAnchorMaxAge();
    }

    interface Page {
        int defaultLimit();

        int maxLimit();
    }

    interface Cursor {
        /** HMAC key that signs cursors; every instance behind one endpoint must share it. */
        String signingKey();

        /** Longest accepted cursor, in characters. */
        int maxLength();
    }

    interface Store {
        /** First wait before retrying a store that failed for a transient reason (database down). */
        Duration retryInitialBackoff();

        /** Cap of the exponential backoff between store retries. */
        Duration retryMaxBackoff();
    }

    interface Facets {
        /** Most buckets returned per facet. */
        int size();

        /** Above this many matches (planner estimate) facets are counted on a sample and flagged approximate. */
        long exactMaxMatches();

        /** About how many rows the sample of an approximate facet reads. */
        long sampleRows();

        /**
         * What one entry of the sample's index costs, relative to counting one match: a sample reads the index
         * entries of its hash buckets over the whole table, so for a rarer term it costs more than counting every
         * match exactly, and the facets are then counted exactly.
         */
        double sampleEntryCost();
    }

    interface Histogram {
        /** Most buckets one histogram may return; more is a 400 asking for a narrower range. */
        int maxBuckets();
    }

    interface Stories {
        /** Articles listed in GET /stories/{id}. */
        int detailArticles();

        /** Top entities listed in GET /stories/{id}. */
        int detailEntities();
    }

    interface Stream {
        /** How often each open stream looks for newly stored articles. */
        Duration pollInterval();

        /** Most events read per poll. */
        int batchSize();
    }
}
