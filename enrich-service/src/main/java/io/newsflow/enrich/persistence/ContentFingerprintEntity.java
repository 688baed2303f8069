package io.newsflow.enrich.persistence;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The first article id that carried a content hash (table {@code content_fingerprint}). */
@Entity
@Table(name = "content_fingerprint")
public class ContentFingerprintEntity extends PanacheEntityBase {

    @Id
    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "article_id", nullable = false)
    public String articleId;

    @Column(name = "first_seen_at", nullable = false)
    public OffsetDateTime firstSeenAt;
}
