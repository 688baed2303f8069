package io.newsflow.query.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
 * @param entities        entity ids or canonical names that must all be mentioned (empty = no filter)
 * @param stories         story ids to keep (empty = all)
 * @param duplicateOf     keep only near-duplicates of this article id, or null
 * @param collapseStories one article per story (the first in sort order), with counts of the others
 * @param facets          count breakdowns to compute over every match (empty = none)
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
        PageKey after,
        List<String> entities,
        List<String> stories,
        String duplicateOf,
        boolean collapseStories,
        Set<Facet> facets) {

    public SearchCriteria {
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
        entities = List.copyOf(entities);
        stories = List.copyOf(stories);
        facets = facets.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(facets));
    }

    /** The same search restricted to the near-duplicates of one article, duplicates included. */
    public SearchCriteria duplicatesOf(String articleId) {
        return new SearchCriteria(query, sources, languages, publishedFrom, publishedBefore, canonicalUrl,
                urlArticleId, DuplicatesMode.INCLUDE, sort, limit, after, entities, stories, articleId, false,
                Set.of());
    }

    public boolean hasQuery() {
        return query != null;
    }
}
