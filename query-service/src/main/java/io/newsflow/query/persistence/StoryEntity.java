package io.newsflow.query.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Aggregates of one story (table {@code story}), maintained by {@link DerivedTables}. */
@Entity
@Immutable
@Table(name = "story")
public class StoryEntity extends PanacheEntityBase {

    @Id
    @Column(name = "story_id")
    public String storyId;

    @Column(name = "article_count")
    public int articleCount;

    @Column(name = "source_count")
    public int sourceCount;

    @Column(name = "first_published_at")
    public Instant firstPublishedAt;

    /** Newest publication time of its articles (storage time for undated ones). */
    @Column(name = "last_activity_at")
    public Instant lastActivityAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
