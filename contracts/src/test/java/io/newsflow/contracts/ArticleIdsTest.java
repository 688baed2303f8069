package io.newsflow.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void urlVariantsOfOneArticleShareAnId() {
        String a = ArticleIds.derive("https://www.example.com/a/?utm_source=x", "Example", null, "body one");
        String b = ArticleIds.derive("http://example.com/a#top", "Other name", "p-1", "body two");
        assertEquals(a, b);
        assertTrue(a.matches("[0-9a-f]{16}"));
    }

    @Test
    void withoutUrlThePublisherIdWinsOverContent() {
        String v1 = ArticleIds.derive(null, "Wire", "story-9", "first body");
        String v2 = ArticleIds.derive(null, "wire ", "story-9", "updated body");
        assertEquals(v1, v2);
        assertNotEquals(v1, ArticleIds.derive(null, "Other wire", "story-9", "first body"));
    }

    @Test
    void withoutUrlOrPublisherIdTheNormalisedContentDecides() {
        assertEquals(ArticleIds.derive(null, "s", null, "A  body\n\nwith   lines "),
                ArticleIds.derive(null, "S", null, "A body with lines"));
        assertNotEquals(ArticleIds.derive(null, "s", null, "A body"), ArticleIds.derive(null, "s", null, "B body"));
    }
}
