package io.newsflow.query.domain;

import java.util.Locale;
import java.util.Optional;

/** Order of a result list; each has its own keyset (see {@link PageKey}). */
public enum SortOrder {
    /** Newest published first; undated articles last; ties broken by id. */
    PUBLISHED("published"),
    /** Best full-text match first (needs a query); ties broken by id. */
    RELEVANCE("relevance"),
    /** Most recently ingested first; ties broken by id. */
    INGESTED("ingested");

    private final String parameterValue;

    SortOrder(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    public String parameterValue() {
        return parameterValue;
    }

    /** True for the orders keyed by a time (published, ingested). */
    public boolean isByTime() {
        return this != RELEVANCE;
    }

    public static Optional<SortOrder> fromParameter(String value) {
        for (SortOrder s : values()) {
            if (s.parameterValue.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
