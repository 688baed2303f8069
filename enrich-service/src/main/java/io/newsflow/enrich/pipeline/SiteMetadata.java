package io.newsflow.enrich.pipeline;

import java.net.URI;
import java.util.Locale;

import io.newsflow.contracts.UrlCanonicalizer;

/**
 * Canonical URL (envelope, else the page's canonical link, else the URL as sent, canonicalised) and source
 * (envelope, else og:site_name, else the URL's host).
 */
public final class SiteMetadata implements EnrichmentStage {

    public static final String NAME = "site-metadata";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        if (draft.envelopeCanonicalUrl() == null) {
            String fromPage = UrlCanonicalizer.canonicalize(draft.html().canonicalLink).orElse(null);
            draft.canonicalUrl(fromPage != null ? fromPage : UrlCanonicalizer.canonicalize(draft.url()).orElse(null));
        }
        if (draft.envelopeSource() == null || draft.envelopeSource().isBlank()) {
            if (draft.html().siteName != null) {
                draft.source(draft.html().siteName);
            } else if (draft.url() != null && UrlCanonicalizer.isValid(draft.url())) {
                draft.source(URI.create(draft.url().strip()).getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", ""));
            }
        }
    }
}
