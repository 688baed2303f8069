package io.newsflow.enrich.pipeline;

import io.newsflow.contracts.ArticleIds;

/** SHA-256 of the clean text, lower-cased with whitespace collapsed, so chrome-only changes hash the same. */
public final class ContentHasher implements EnrichmentStage {

    public static final String NAME = "content-hash";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        draft.contentHash(ArticleIds.sha256Hex(TextBlocks.hashable(draft.text())));
    }
}
