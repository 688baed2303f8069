package io.newsflow.query.persistence;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.DuplicateKinds;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.Keyword;

/**
 * Writes enriched articles. Every write is a single race-safe SQL upsert, so concurrent consumers and
 * re-deliveries can never create a second row or let an older version overwrite a newer one.
 */
@ApplicationScoped
public class ArticleStore {

    private static final String UPSERT_ARTICLE = """
            INSERT INTO {h-schema}article AS a (id, url, canonical_url, source, title, authors, published_at,
                published_at_source, language, language_confidence, text, lede, word_count, reading_time_minutes,
                entities, keywords, content_hash, duplicate_of, duplicate_kind, similarity, story_id, version,
                ingested_at, enriched_at, stored_at, pipeline_version, provenance)
            VALUES (:id, :url, :canonicalUrl, :source, :title, CAST(:authors AS jsonb),
                CAST(:publishedAt AS timestamptz), :publishedAtSource, :language,
                CAST(:languageConfidence AS double precision), :text, :lede, :wordCount, :readingTimeMinutes,
                CAST(:entities AS jsonb), CAST(:keywords AS jsonb), :contentHash, :duplicateOf, :duplicateKind,
                CAST(:similarity AS double precision), :storyId, :version, CAST(:ingestedAt AS timestamptz),
                CAST(:enrichedAt AS timestamptz), CAST(:storedAt AS timestamptz), :pipelineVersion,
                CAST(:provenance AS jsonb))
            ON CONFLICT (id) DO UPDATE SET
                url = excluded.url, canonical_url = excluded.canonical_url, source = excluded.source,
                title = excluded.title, authors = excluded.authors, published_at = excluded.published_at,
                published_at_source = excluded.published_at_source, language = excluded.language,
                language_confidence = excluded.language_confidence, text = excluded.text, lede = excluded.lede,
                word_count = excluded.word_count, reading_time_minutes = excluded.reading_time_minutes,
                entities = excluded.entities, keywords = excluded.keywords, content_hash = excluded.content_hash,
                duplicate_of = excluded.duplicate_of, duplicate_kind = excluded.duplicate_kind,
                similarity = excluded.similarity, story_id = excluded.story_id, version = excluded.version,
                ingested_at = excluded.ingested_at, enriched_at = excluded.enriched_at,
                stored_at = excluded.stored_at, pipeline_version = excluded.pipeline_version,
                provenance = excluded.provenance
            WHERE a.version <= excluded.version
            RETURNING (xmax = 0)
            """;

    private static final String UPSERT_ALIAS = """
            INSERT INTO {h-schema}article_alias AS al (alias_id, article_id, url, canonical_url, seen_at)
            VALUES (:aliasId, :articleId, :url, :canonicalUrl, CAST(:seenAt AS timestamptz))
            ON CONFLICT (alias_id) DO UPDATE SET
                article_id = excluded.article_id,
                url = coalesce(excluded.url, al.url),
                canonical_url = coalesce(excluded.canonical_url, al.canonical_url)
            """;

    /** PostgreSQL text cannot hold NUL; dropping it is the only lossless-enough way to store such text. */
    private static final String NUL = "\u0000";

    private static final String CURRENT_STORY = "SELECT story_id FROM {h-schema}article WHERE id = :id";

    @Inject
    EntityManager em;

    @Inject
    DerivedTables derived;

    /** Stores one event in its own transaction; the caller acknowledges the record only after this returns. */
    @Transactional
    public StoreOutcome store(EnrichedArticle article, Instant now) {
        if (isExactDuplicate(article)) {
            recordAlias(article, now);
            return StoreOutcome.ALIAS_RECORDED;
        }
        // The story the article leaves (if it moves) needs its aggregates recounted too.
        List<?> before = em.createNativeQuery(CURRENT_STORY).setParameter("id", clean(article.id())).getResultList();
        StoreOutcome outcome = upsertArticle(article, now);
        if (outcome == StoreOutcome.STALE) {
            return outcome;
        }
        derived.recordConfigs(List.of(article));
        Set<String> stories = new HashSet<>();
        before.forEach(s -> stories.add((String) s));
        stories.add(clean(article.storyId()));
        derived.refreshStories(stories, now);
        derived.appendToStream(List.of(clean(article.id())));
        return outcome;
    }

    private static boolean isExactDuplicate(EnrichedArticle a) {
        return DuplicateKinds.EXACT.equals(a.duplicateKind()) && a.duplicateOf() != null
                && !a.duplicateOf().equals(a.id());
    }

    private StoreOutcome upsertArticle(EnrichedArticle a, Instant now) {
        NativeQuery<?> q = em.createNativeQuery(UPSERT_ARTICLE).unwrap(NativeQuery.class);
        q.setParameter("id", clean(a.id()), String.class);
        q.setParameter("url", clean(a.url()), String.class);
        q.setParameter("canonicalUrl", clean(a.canonicalUrl()), String.class);
        q.setParameter("source", clean(a.source()), String.class);
        q.setParameter("title", clean(a.title()), String.class);
        q.setParameter("authors", ContractJson.write(a.authors().stream().map(ArticleStore::clean).toList()),
                String.class);
        q.setParameter("publishedAt", a.publishedAt(), Instant.class);
        q.setParameter("publishedAtSource", clean(a.publishedAtSource()), String.class);
        q.setParameter("language", clean(a.language()), String.class);
        q.setParameter("languageConfidence", a.languageConfidence(), Double.class);
        q.setParameter("text", clean(a.text()), String.class);
        q.setParameter("lede", clean(a.lede()), String.class);
        q.setParameter("wordCount", a.wordCount(), Integer.class);
        q.setParameter("readingTimeMinutes", a.readingTimeMinutes(), Integer.class);
        q.setParameter("entities", ContractJson.write(cleanEntities(a.entities())), String.class);
        q.setParameter("keywords", ContractJson.write(cleanKeywords(a.keywords())), String.class);
        q.setParameter("contentHash", clean(a.contentHash()), String.class);
        q.setParameter("duplicateOf", clean(a.duplicateOf()), String.class);
        q.setParameter("duplicateKind", clean(a.duplicateKind()), String.class);
        q.setParameter("similarity", a.similarity(), Double.class);
        q.setParameter("storyId", clean(a.storyId()), String.class);
        q.setParameter("version", a.version(), Integer.class);
        q.setParameter("ingestedAt", a.ingestedAt(), Instant.class);
        q.setParameter("enrichedAt", a.enrichedAt(), Instant.class);
        q.setParameter("storedAt", now, Instant.class);
        q.setParameter("pipelineVersion", clean(a.pipelineVersion()), String.class);
        q.setParameter("provenance", ContractJson.write(cleanMap(a.provenance())), String.class);
        List<?> rows = q.getResultList();
        if (rows.isEmpty()) {
            return StoreOutcome.STALE;
        }
        return Boolean.TRUE.equals(rows.get(0)) ? StoreOutcome.INSERTED : StoreOutcome.UPDATED;
    }

    private void recordAlias(EnrichedArticle a, Instant now) {
        NativeQuery<?> q = em.createNativeQuery(UPSERT_ALIAS).unwrap(NativeQuery.class);
        q.setParameter("aliasId", clean(a.id()), String.class);
        q.setParameter("articleId", clean(a.duplicateOf()), String.class);
        q.setParameter("url", clean(a.url()), String.class);
        q.setParameter("canonicalUrl", clean(a.canonicalUrl()), String.class);
        q.setParameter("seenAt", now, Instant.class);
        q.executeUpdate();
    }

    static List<EntityMention> cleanEntities(List<EntityMention> entities) {
        return entities.stream()
                .map(e -> new EntityMention(clean(e.type()), clean(e.name()), clean(e.canonicalId()), e.mentions()))
                .toList();
    }

    static List<Keyword> cleanKeywords(List<Keyword> keywords) {
        return keywords.stream().map(k -> new Keyword(clean(k.term()), k.weight())).toList();
    }

    static Map<String, String> cleanMap(Map<String, String> map) {
        Map<String, String> cleaned = new LinkedHashMap<>();
        map.forEach((k, v) -> cleaned.put(clean(k), clean(v)));
        return cleaned;
    }

    static String clean(String s) {
        return s == null || !s.contains(NUL) ? s : s.replace(NUL, "");
    }
}
