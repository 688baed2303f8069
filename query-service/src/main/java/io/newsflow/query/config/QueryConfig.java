package io.newsflow.query.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Tunables of query-service (defaults live in application.properties). */
@ConfigMapping(prefix = "newsflow.query")
public interface QueryConfig {

    /** Name written into the dlq-service header. */
    String serviceName();

    Search search();

    Page page();

    Cursor cursor();

    Store store();

    interface Search {
        /** Longest accepted {@code q}, in characters. */
        int maxQueryLength();

        /** Most values accepted for a repeatable filter such as {@code source} or {@code lang}. */
        int maxFilterValues();

        /** Longest accepted value of a filter parameter (source, lang, url), in characters. */
        int maxFilterValueLength();

        /** PostgreSQL ts_headline options for the {@code snippet} field. */
        String headlineOptions();
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
}
