package io.newsflow.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    private static String canon(String url) {
        return UrlCanonicalizer.canonicalize(url).orElse(null);
    }

    @Test
    void lowerCasesHostAndDropsDefaultPortFragmentAndTrailingSlash() {
        assertEquals("https://example.com/news/a-story", canon("HTTPS://Example.COM:443/news/a-story/#comments"));
        assertEquals("http://example.com:8080/x", canon("http://example.com:8080/x/"));
    }

    @Test
    void removesTrackingParametersAndSortsTheRest() {
        assertEquals("https://example.com/a?id=7&page=2",
                canon("https://example.com/a?utm_source=tw&page=2&fbclid=abc&id=7&gclid=x&utm_medium=social"));
        assertEquals("https://example.com/a", canon("https://example.com/a?utm_campaign=x"));
    }

    @Test
    void foldsAmpAndMobileVariants() {
        String expected = "https://example.com/world/story-1";
        assertEquals(expected, canon("https://www.example.com/world/story-1"));
        assertEquals(expected, canon("https://m.example.com/world/story-1/"));
        assertEquals(expected, canon("https://amp.example.com/world/story-1"));
        assertEquals(expected, canon("https://example.com/world/story-1/amp/"));
        assertEquals(expected, canon("https://example.com/world/story-1.amp"));
        assertEquals(expected, canon("https://example.com/world/story-1?amp=1"));
    }

    @Test
    void identityIgnoresScheme() {
        assertEquals(UrlCanonicalizer.identityKey("http://example.com/a"),
                UrlCanonicalizer.identityKey("https://www.example.com/a/"));
    }

    @Test
    void rejectsNonHttpAndRelativeUrls() {
        assertFalse(UrlCanonicalizer.isValid("ftp://example.com/a"));
        assertFalse(UrlCanonicalizer.isValid("/news/a"));
        assertFalse(UrlCanonicalizer.isValid("not a url"));
        assertFalse(UrlCanonicalizer.isValid(""));
        assertTrue(UrlCanonicalizer.isValid("https://example.com"));
    }
}
