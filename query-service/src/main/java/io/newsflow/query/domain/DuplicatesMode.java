package io.newsflow.query.domain;

import java.util.Locale;
import java.util.Optional;

/** How near-duplicates (rows with duplicateOf set) are treated in a list. */
public enum DuplicatesMode {
    EXCLUDE("exclude"),
    INCLUDE("include"),
    ONLY("only");

    private final String parameterValue;

    DuplicatesMode(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    public String parameterValue() {
        return parameterValue;
    }

    public static Optional<DuplicatesMode> fromParameter(String value) {
        for (DuplicatesMode m : values()) {
            if (m.parameterValue.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
