package io.newsflow.enrich.story;

/**
 * Where an article went.
 *
 * @param similarity cosine similarity to the story it joined (1.0 for the article that opened it)
 * @param created    true when the article opened a new story
 */
public record StoryDecision(String storyId, double similarity, boolean created) {
}
