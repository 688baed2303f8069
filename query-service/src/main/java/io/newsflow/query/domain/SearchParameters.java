package io.newsflow.query.domain;

import java.util.List;

/** The raw query parameters of an article search, exactly as received (any may be null). */
public record SearchParameters(
        String q,
        List<String> source,
        List<String> lang,
        String from,
        String to,
        String url,
        String duplicates,
        String sort,
        String limit,
        String cursor) {

    public SearchParameters {
        source = source == null ? List.of() : source;
        lang = lang == null ? List.of() : lang;
    }
}
