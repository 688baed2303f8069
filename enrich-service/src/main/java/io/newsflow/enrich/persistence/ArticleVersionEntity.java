package io.newsflow.enrich.persistence;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest body seen under an article id (table {@code article_version}); written by native upserts. */
@Entity
@Table(name = "article_version")
public class ArticleVersionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public String id;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "first_seen_at", nullable = false)
    public OffsetDateTime firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
