package io.newsflow.query.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An exact duplicate (table {@code article_alias}): another id (and URL) under which the article
 * {@link #articleId} was published. No article row exists for the alias.
 */
@Entity
@Immutable
@Table(name = "article_alias")
public class ArticleAliasEntity extends PanacheEntityBase {

    @Id
    @Column(name = "alias_id")
    public String aliasId;

    @Column(name = "article_id")
    public String articleId;

    @Column(name = "url")
    public String url;

    @Column(name = "canonical_url")
    public String canonicalUrl;

    /** When the alias was first seen. */
    @Column(name = "seen_at")
    public Instant seenAt;
}
