package io.newsflow.query.domain;

import java.util.Locale;
import java.util.Optional;

/** A count breakdown that {@code facets=} can ask for, over every article matching the query and filters. */
public enum Facet {
    SOURCE("source"),
    LANG("lang"),
    ENTITY("entity"),
    DAY("day");

    private final String parameterValue;

    Facet(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    public String parameterValue() {
        return parameterValue;
    }

    public static Optional<Facet> fromParameter(String value) {
        for (Facet f : values()) {
            if (f.parameterValue.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
