package io.newsflow.query.domain;

import java.time.Instant;
import java.util.List;

/**
 * A validated article search.
 *
 * @param query           websearch-style full-text query, or null for none
 * @param sources         sources to keep (empty = all)
 * @param languages       language tags to keep, lower-cased (empty = all)
 * @param publishedFrom   inclusive lower bound of publishedAt, or null
 * @param publishedBefore exclusive upper bound of publishedAt, or null
 * @param canonicalUrl    canonical URL to look up (also through aliases), or null
 * @param urlArticleId    the article id derived from that URL (http/https copies share it), or null
 * @param duplicates      how near-duplicates are treated
 * @param sort            result order
 * @param limit           page size
 * @param after           where the previous page ended, or null for the first page
 */
public record SearchCriteria(
        String query,
        List<String> sources,
        List<String> languages,
        Instant publishedFrom,
        Instant publishedBefore,
        String canonicalUrl,
        String urlArticleId,
        DuplicatesMode duplicates,
        SortOrder sort,
        int limit,
        PageKey after) {

    public SearchCriteria {
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
    }

    public boolean hasQuery() {
        return query != null;
    }
}
