package io.newsflow.enrich.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import io.newsflow.enrich.config.DedupConfig;
import io.newsflow.enrich.dedup.NearDuplicateDetector;
import io.newsflow.enrich.dedup.NearDuplicateMatch;
import io.newsflow.enrich.story.StoryAssigner;
import io.newsflow.enrich.story.StoryDecision;
import io.newsflow.enrich.story.StoryFeatures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Runs the plain-Java near-duplicate and story decisions against the PostgreSQL indexes, each decision in one
 * transaction (so a concurrent instance sees all of it or nothing of it).
 */
@ApplicationScoped
public class DedupStore {

    @Inject
    DataSource dataSource;

    @Inject
    DedupConfig config;

    @Inject
    NearDuplicateDetector detector;

    @Inject
    StoryAssigner stories;

    @Inject
    Clock clock;

    @Transactional
    public Optional<NearDuplicateMatch> nearDuplicate(String articleId, String text) {
        try (Connection c = dataSource.getConnection()) {
            return detector.detect(articleId, text, nearDuplicateIndex(c), clock.instant());
        } catch (SQLException e) {
            throw new IndexUnavailableException("no database connection", e);
        }
    }

    @Transactional
    public StoryDecision story(String articleId, String source, StoryFeatures.Input input, String duplicateOf) {
        try (Connection c = dataSource.getConnection()) {
            return stories.assign(articleId, source, input, duplicateOf, storyIndex(c), clock.instant());
        } catch (SQLException e) {
            throw new IndexUnavailableException("no database connection", e);
        }
    }

    /** Deletes one batch of expired entries from both indexes; returns how many rows went. */
    @Transactional
    public int expireBatch() {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            return nearDuplicateIndex(c).expire(now.minus(config.nearDuplicates().window()))
                    + storyIndex(c).expire(now.minus(config.stories().window()));
        } catch (SQLException e) {
            throw new IndexUnavailableException("no database connection", e);
        }
    }

    private JdbcNearDuplicateIndex nearDuplicateIndex(Connection c) {
        return new JdbcNearDuplicateIndex(c, config.schema(), config.expiry().batchSize());
    }

    private JdbcStoryIndex storyIndex(Connection c) {
        DedupConfig.Stories s = config.stories();
        return new JdbcStoryIndex(c, config.schema(), s.topEntities(), s.entitiesPerArticle(), config.expiry().batchSize());
    }
}
