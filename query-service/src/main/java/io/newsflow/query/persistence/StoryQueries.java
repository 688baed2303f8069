package io.newsflow.query.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.newsflow.query.domain.SearchCriteria;

/**
 * Stories and entities, read from the derived tables. Lists are keyset-paged like articles: a page continues
 * strictly after the previous page's last key, never with OFFSET.
 */
@ApplicationScoped
public class StoryQueries {

    /** Order of the story list. */
    public enum StoryOrder {
        /** Newest activity first. */
        ACTIVITY,
        /** Most articles first. */
        SIZE
    }

    /** Where the previous page of stories ended: the order's key value and the story id. */
    public record StoryKey(String value, String storyId) {
    }

    /** A page of stories and whether more follow. */
    public record StoryPage(List<StoryEntity> stories, boolean hasMore) {
    }

    /** An entity with how many matching articles mention it. */
    public record EntityCount(String id, String type, String name, long articles) {
    }

    /** A value with a count (a source, a day). */
    public record Count(String value, long count) {
    }

    /**
     * Stories with at least one article matching the filters, walked in the order's index: with no filter the
     * story table alone answers; with filters each candidate story is checked through the story index.
     */
    private static final String STORIES = "SELECT s.story_id FROM {h-schema}story s WHERE %s %s"
            + " ORDER BY %s LIMIT :fetch";
    private static final String HAS_MATCH = "EXISTS (SELECT 1 FROM {h-schema}article a"
            + " WHERE a.story_id = s.story_id AND %s)";

    /**
     * Counted from the matching rows' own entity sets (V8: per article one element per entity id, with the
     * article's smallest type and name for it), so type and name are the smallest over the matching articles.
     */
    private static final String TOP_ENTITIES = "SELECT ae.entity_id, min(ae.type), min(ae.name), count(*)"
            + " FROM {h-schema}article a CROSS JOIN LATERAL unnest((a.entity_set).ids, (a.entity_set).types,"
            + " (a.entity_set).names) AS ae(entity_id, type, name)"
            + " WHERE %s %s GROUP BY 1 ORDER BY 4 DESC, ae.entity_id COLLATE \"C\" LIMIT :limit";
    private static final String STORY_SOURCES = "SELECT a.source, count(*) FROM {h-schema}article a"
            + " WHERE a.story_id = :storyId AND a.source IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1";
    private static final String STORY_TIMELINE = "SELECT to_char(date_trunc('day', a.published_at, 'UTC')"
            + " AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*) FROM {h-schema}article a"
            + " WHERE a.story_id = :storyId AND a.published_at IS NOT NULL GROUP BY 1 ORDER BY 1";
    private static final String ENTITY_EXISTS = "SELECT 1 FROM {h-schema}article a WHERE "
            + EntityKeys.mentionedIn("a", "entity") + " LIMIT 1";

    @Inject
    EntityManager em;

    public StoryPage stories(SearchCriteria filters, StoryOrder order, StoryKey after, int limit) {
        SqlFilter f = SqlFilter.of(filters, em);
        List<String> conditions = new ArrayList<>();
        if (!f.isEmpty()) {
            conditions.add(HAS_MATCH.formatted(f.where()));
        }
        String orderBy;
        if (order == StoryOrder.SIZE) {
            orderBy = "s.article_count DESC, s.story_id DESC";
            if (after != null) {
                conditions.add("(s.article_count, s.story_id) < (CAST(:afterValue AS integer), :afterId)");
            }
        } else {
            orderBy = "s.last_activity_at DESC, s.story_id DESC";
            if (after != null) {
                conditions.add("(s.last_activity_at, s.story_id) < (CAST(:afterValue AS timestamptz), :afterId)");
            }
        }
        if (after != null) {
            f.params.put("afterValue", after.value());
            f.params.put("afterId", after.storyId());
        }
        f.params.put("fetch", limit + 1);
        String sql = STORIES.formatted(conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions), "", orderBy);
        List<?> ids = f.bind(em, sql).getResultList();
        boolean hasMore = ids.size() > limit;
        List<String> pageIds = ids.subList(0, Math.min(ids.size(), limit)).stream().map(String.class::cast).toList();
        if (pageIds.isEmpty()) {
            return new StoryPage(List.of(), false);
        }
        Map<String, StoryEntity> byId = new java.util.HashMap<>();
        StoryEntity.<StoryEntity>list("storyId in ?1", pageIds).forEach(s -> byId.put(s.storyId, s));
        return new StoryPage(pageIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), hasMore);
    }

    public Optional<StoryEntity> story(String storyId) {
        return StoryEntity.findByIdOptional(storyId);
    }

    public List<Count> storySources(String storyId) {
        return counts(STORY_SOURCES, storyId);
    }

    public List<Count> storyTimeline(String storyId) {
        return counts(STORY_TIMELINE, storyId);
    }

    private List<Count> counts(String sql, String storyId) {
        List<Count> counts = new ArrayList<>();
        for (Object row : em.createNativeQuery(sql).setParameter("storyId", storyId).getResultList()) {
            Object[] r = (Object[]) row;
            counts.add(new Count((String) r[0], ((Number) r[1]).longValue()));
        }
        return counts;
    }

    /** The entities most often mentioned by the matching articles, optionally of one type. */
    public List<EntityCount> topEntities(SearchCriteria filters, String type, int limit) {
        SqlFilter f = SqlFilter.of(filters, em);
        String typeCondition = "";
        if (type != null) {
            typeCondition = "AND ae.type = :entityType";
            f.params.put("entityType", type);
        }
        f.params.put("limit", limit);
        List<EntityCount> result = new ArrayList<>();
        for (Object row : f.bind(em, TOP_ENTITIES.formatted(f.where(), typeCondition)).getResultList()) {
            Object[] r = (Object[]) row;
            result.add(new EntityCount((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue()));
        }
        return result;
    }

    /** True when some stored article mentions this entity (by id or canonical name). */
    public boolean entityExists(String entity) {
        return !em.createNativeQuery(ENTITY_EXISTS).setParameter("entity", entity).getResultList().isEmpty();
    }
}
