package io.newsflow.enrich.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.DuplicateKinds;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.IngestedArticle;
import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.enrich.pipeline.StageObserver;
import io.newsflow.enrich.support.TestPipelines;

class EnrichmentServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    private final EnrichmentService service = new EnrichmentService(TestPipelines.standard(CLOCK), "7", CLOCK);

    private static IngestedArticle article(String id) {
        return new IngestedArticle(id, "p1", "https://www.example.com/a?utm_source=x", "https://example.com/a", "Example",
                "Envelope title", List.of("A. Writer"), null, "March 5, 2024", "en", "text/plain",
                "Envelope title\n\nThe ministry said on Tuesday that the budget would be presented next week.",
                Instant.parse("2025-05-31T00:00:00Z"), "kafka");
    }

    @Test
    void assemblesTheEnrichedArticle() {
        IngestedArticle in = article("id1");
        ArticleDraft draft = service.prepare(in, StageObserver.NONE);
        EnrichedArticle out = service.complete(in, draft, new Registration(3, "id1"));
        assertEquals("id1", out.id());
        assertEquals("Envelope title", out.title());
        assertEquals(List.of("A. Writer"), out.authors());
        assertEquals(Instant.parse("2024-03-05T00:00:00Z"), out.publishedAt());
        assertEquals("envelope", out.publishedAtSource());
        assertEquals("en", out.language());
        assertEquals("The ministry said on Tuesday that the budget would be presented next week.", out.text());
        assertEquals(3, out.version());
        assertNull(out.duplicateOf());
        assertNull(out.duplicateKind());
        assertNull(out.similarity());
        assertEquals("7", out.pipelineVersion());
        assertEquals(CLOCK.instant(), out.enrichedAt());
        assertEquals(in.ingestedAt(), out.ingestedAt());
        assertEquals("https://example.com/a", out.canonicalUrl());
        assertEquals("envelope", out.provenance().get("title"));
        assertEquals("text", out.provenance().get("text"));
    }

    @Test
    void exactDuplicateFields() {
        IngestedArticle in = article("id2");
        EnrichedArticle out = service.complete(in, service.prepare(in, StageObserver.NONE), new Registration(1, "id1"));
        assertEquals("id1", out.duplicateOf());
        assertEquals(DuplicateKinds.EXACT, out.duplicateKind());
        assertEquals(1.0, out.similarity());
    }
}
