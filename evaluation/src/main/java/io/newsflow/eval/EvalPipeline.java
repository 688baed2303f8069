package io.newsflow.eval;

import java.time.Clock;

import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.enrich.pipeline.Pipeline;
import io.newsflow.enrich.pipeline.StandardPipeline;

/** The enrichment pipeline exactly as enrich-service runs it by default, built once per evaluation run. */
public final class EvalPipeline {

    private static Pipeline pipeline;

    private EvalPipeline() {
    }

    public static synchronized Pipeline get() {
        if (pipeline == null) {
            pipeline = StandardPipeline.withServiceDefaults(Clock.systemUTC());
        }
        return pipeline;
    }

    private static int failures;

    /** Runs the pipeline on a page; a page the pipeline fails on counts as an empty result (and is counted). */
    public static ArticleDraft html(String html, String url) {
        ArticleDraft draft = ArticleDraft.builder().content(html).contentType("text/html").url(url).build();
        try {
            get().run(draft);
        } catch (RuntimeException | StackOverflowError e) {
            failures++;
            System.err.println("pipeline failed on " + url + ": " + e);
            return ArticleDraft.builder().content("").contentType("text/html").url(url).build();
        }
        return draft;
    }

    /** Pages the pipeline failed on so far. */
    public static int failures() {
        return failures;
    }

    public static ArticleDraft text(String text) {
        ArticleDraft draft = ArticleDraft.of(text, "text/plain");
        get().run(draft);
        return draft;
    }
}
