package io.newsflow.query.persistence;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.newsflow.query.domain.SearchCriteria;

/**
 * Reads the live stream: stream_event rows in commit order (see stream_clock in V2__stories_entities_stream.sql).
 * Called from stream pollers outside any HTTP request, hence the request context of its own.
 */
@ApplicationScoped
public class StreamQueries {

    private static final String HEAD = "SELECT seq FROM {h-schema}stream_clock";
    private static final String AFTER = "SELECT e.seq, " + ArticleSummary.COLUMNS + " FROM {h-schema}stream_event e"
            + " JOIN {h-schema}article a ON a.id = e.article_id"
            + " WHERE e.seq > :afterSeq AND e.seq <= :upTo AND %s ORDER BY e.seq LIMIT :batch";

    /** An article at its stream position. */
    public record StreamItem(long seq, ArticleSummary article) {
    }

    @Inject
    EntityManager em;

    /** The newest stream position handed out so far (0 when nothing was ever stored). */
    @ActivateRequestContext
    public long head() {
        return ((Number) em.createNativeQuery(HEAD).getSingleResult()).longValue();
    }

    /** Matching articles stored after position {@code afterSeq} up to {@code upTo}, in stream order. */
    @ActivateRequestContext
    public List<StreamItem> after(SearchCriteria filters, long afterSeq, long upTo, int batch) {
        SqlFilter f = SqlFilter.of(filters, em);
        f.params.put("afterSeq", afterSeq);
        f.params.put("upTo", upTo);
        f.params.put("batch", batch);
        List<StreamItem> items = new ArrayList<>();
        for (Object row : f.bind(em, AFTER.formatted(f.where())).getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new StreamItem(((Number) r[0]).longValue(), ArticleSummary.fromRow(r, 1)));
        }
        return items;
    }
}
