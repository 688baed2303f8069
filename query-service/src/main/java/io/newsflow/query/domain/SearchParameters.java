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
        String cursor,
        List<String> entity,
        List<String> story,
        String collapse,
        List<String> facets) {

    public SearchParameters {
        source = source == null ? List.of() : source;
        lang = lang == null ? List.of() : lang;
        entity = entity == null ? List.of() : entity;
        story = story == null ? List.of() : story;
        facets = facets == null ? List.of() : facets;
    }

    /** The parameters of a plain search (no entity/story filter, no collapse, no facets). */
    public SearchParameters(String q, List<String> source, List<String> lang, String from, String to, String url,
            String duplicates, String sort, String limit, String cursor) {
        this(q, source, lang, from, to, url, duplicates, sort, limit, cursor, null, null, null, null);
    }

    /** The same parameters with {@code entity} replaced (for /entities/{id}/articles). */
    public SearchParameters withEntities(List<String> entities) {
        return new SearchParameters(q, source, lang, from, to, url, duplicates, sort, limit, cursor, entities, story,
                collapse, facets);
    }
}
