package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.contracts.FieldSources;

/**
 * Authors: envelope, then JSON-LD, then HTML author metas, then a byline line near the top of the text
 * ("By Jane Doe and John Roe"), which is then removed from the body, then a trailing author bio in the last
 * paragraphs ("Joe Gould is a senior Pentagon reporter for Defense News, ..."), which stays in the body.
 */
public final class AuthorExtractor implements EnrichmentStage {

    public static final String NAME = "authors";

    private static final Pattern BYLINE = Pattern.compile(
            "(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Ww]ritten by)\\s+(?<names>\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]+){1,3}"
                    + "(?:\\s*(?:,|and|und|et|&)\\s*\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]+){1,3}){0,3})",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** "Jane Doe is a senior Pentagon reporter ...": a name, a copula and a newsroom job within one sentence. */
    private static final Pattern TRAILING_BIO = Pattern.compile(
            "(?<name>\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]+){1,3})\\s+(?:is|was|has been|covers|writes)\\b"
                    + "[^.]{0,120}?\\b(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer"
                    + "|bureau chief|analyst|photographer)s?\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** Paragraphs at the end of the text searched for a trailing bio. */
    private static final int TRAILING_BIO_PARAGRAPHS = 3;
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*(?:,|\\band\\b|\\bund\\b|\\bet\\b|&)\\s*");

    private final int headerLines;

    public AuthorExtractor(int headerLines) {
        this.headerLines = headerLines;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        if (!draft.envelopeAuthors().isEmpty()) {
            draft.authors(distinct(draft.envelopeAuthors()), FieldSources.ENVELOPE);
        } else if (!draft.html().jsonLdAuthors.isEmpty()) {
            draft.authors(distinct(draft.html().jsonLdAuthors), FieldSources.JSON_LD);
        } else if (!draft.html().metaAuthors.isEmpty()) {
            draft.authors(distinct(draft.html().metaAuthors), FieldSources.HTML_META);
        } else if (!draft.html().bylineElementAuthors.isEmpty()) {
            draft.authors(distinct(draft.html().bylineElementAuthors), FieldSources.BYLINE);
        } else if (!fromByline(draft) && !fromTrailingBio(draft)) {
            draft.authors(List.of(), FieldSources.NONE);
        }
    }

    private boolean fromByline(ArticleDraft draft) {
        List<String> paragraphs = draft.paragraphs();
        for (int p = 0; p < Math.min(paragraphs.size(), headerLines); p++) {
            Matcher m = BYLINE.matcher(paragraphs.get(p));
            if ((m.matches())) {
                List<String> names = new ArrayList<>();
                for (String n : NAME_SEPARATOR.split(m.group("names"))) {
                    if (!n.isBlank()) {
                        names.add(n.strip());
                    }
                }
                List<String> rest = new ArrayList<>(paragraphs);
                rest.remove(p);
                draft.paragraphs(rest);
                draft.authors(names, FieldSources.BYLINE);
                return true;
            }
        }
        return false;
    }

    private static boolean fromTrailingBio(ArticleDraft draft) {
        List<String> paragraphs = draft.paragraphs();
        for (int p = paragraphs.size() - 1; p >= Math.max(0, paragraphs.size() - TRAILING_BIO_PARAGRAPHS); p--) {
            Matcher m = TRAILING_BIO.matcher(paragraphs.get(p));
            // anchored at the paragraph start: lookingAt, not find, which would try every position
            if (m.lookingAt()) {
                draft.authors(List.of(m.group("name")), FieldSources.BYLINE);
                return true;
            }
        }
        return false;
    }

    private static List<String> distinct(List<String> names) {
        LinkedHashSet<String> set = new LinkedHashSet<>();
        names.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(set::add);
        return List.copyOf(set);
    }
}
