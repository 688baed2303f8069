package io.newsflow.enrich.persistence;

import io.newsflow.enrich.domain.ArticleRegistry;
import io.newsflow.enrich.domain.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * {@link ArticleRegistry} on PostgreSQL. Race-safety comes from the primary keys: concurrent registrations
 * of the same id or hash serialise on the conflicting row, and the losers read the winner's answer.
 */
@ApplicationScoped
public class PostgresArticleRegistry implements ArticleRegistry {

    /** A body seen before under this id keeps the version it got then (re-delivery is idempotent). */
    private static final String KNOWN_VERSION = """
            SELECT version FROM {h-schema}article_content_version WHERE article_id = :id AND content_hash = :hash""";

    /**
     * Insert version 1, or bump the version when the body differs from the latest one. Under a concurrent
     * insert of the same id and body, the second writer sees the first one's hash and keeps its version.
     */
    private static final String UPSERT_LATEST = """
            INSERT INTO {h-schema}article_version AS v (id, content_hash, version, first_seen_at, updated_at)
            VALUES (:id, :hash, 1, now(), now())
            ON CONFLICT (id) DO UPDATE SET
                version = CASE WHEN v.content_hash = EXCLUDED.content_hash THEN v.version ELSE v.version + 1 END,
                updated_at = CASE WHEN v.content_hash = EXCLUDED.content_hash THEN v.updated_at ELSE now() END,
                content_hash = EXCLUDED.content_hash
            RETURNING version""";

    private static final String RECORD_VERSION = """
            INSERT INTO {h-schema}article_content_version (article_id, content_hash, version, first_seen_at)
            VALUES (:id, :hash, :version, now())
            ON CONFLICT (article_id, content_hash) DO NOTHING""";

    private static final String CLAIM_FINGERPRINT = """
            INSERT INTO {h-schema}content_fingerprint (content_hash, article_id, first_seen_at)
            VALUES (:hash, :id, now())
            ON CONFLICT (content_hash) DO NOTHING""";

    private static final String FINGERPRINT_OWNER = """
            SELECT article_id FROM {h-schema}content_fingerprint WHERE content_hash = :hash""";

    @Inject
    EntityManager em;

    @Override
    @Transactional
    public Registration register(String id, String contentHash) {
        int version = knownVersion(id, contentHash);
        if (version == 0) {
            version = ((Number) em.createNativeQuery(UPSERT_LATEST)
                    .setParameter("id", id).setParameter("hash", contentHash).getSingleResult()).intValue();
            em.createNativeQuery(RECORD_VERSION)
                    .setParameter("id", id).setParameter("hash", contentHash).setParameter("version", version)
                    .executeUpdate();
            // A concurrent registration of the same pair may have recorded first: its answer is the one.
            version = knownVersion(id, contentHash);
        }
        em.createNativeQuery(CLAIM_FINGERPRINT).setParameter("hash", contentHash).setParameter("id", id).executeUpdate();
        String owner = (String) em.createNativeQuery(FINGERPRINT_OWNER).setParameter("hash", contentHash)
                .getSingleResult();
        return new Registration(version, owner);
    }

    private int knownVersion(String id, String hash) {
        var rows = em.createNativeQuery(KNOWN_VERSION).setParameter("id", id).setParameter("hash", hash)
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }
}
