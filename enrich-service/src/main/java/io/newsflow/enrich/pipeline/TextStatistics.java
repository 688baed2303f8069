package io.newsflow.enrich.pipeline;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word count, reading time and lede (first paragraph, cut at a sentence end within a maximum length). */
public final class TextStatistics implements EnrichmentStage {

    public static final String NAME = "text-statistics";

    private static final Pattern WORD = Pattern.compile(
            "[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}'’-]*+(?:[.,][\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}'’-]*+){0,32}");
    // Bounded repetition of the dotted part: an unbounded group loop recurses per character and overflows the
    // stack on pathological "words" (inline data, very long URLs) that real pages contain.
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"”’)»]*(?=\\s)");
    private static final String ELLIPSIS = "…";

    private final int wordsPerMinute;
    private final int ledeMaxLength;

    public TextStatistics(int wordsPerMinute, int ledeMaxLength) {
        this.wordsPerMinute = wordsPerMinute;
        this.ledeMaxLength = ledeMaxLength;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        int words = countWords(draft.text());
        draft.wordCount(words);
        draft.readingTimeMinutes(words == 0 ? 0 : Math.max(1, (int) Math.ceil(words / (double) wordsPerMinute)));
        List<String> paragraphs = draft.paragraphs();
        draft.lede(paragraphs.isEmpty() ? null : lede(paragraphs.get(0).replace('\n', ' ')));
    }

    static int countWords(String text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    String lede(String paragraph) {
        if (paragraph.length() <= ledeMaxLength) {
            return paragraph;
        }
        Matcher m = SENTENCE_END.matcher(paragraph);
        int cut = -1;
        while (m.find() && m.end() <= ledeMaxLength) {
            cut = m.end();
        }
        if (cut > 0) {
            return paragraph.substring(0, cut).strip();
        }
        int space = paragraph.lastIndexOf(' ', ledeMaxLength - 1);
        return paragraph.substring(0, space > 0 ? space : ledeMaxLength - 1).strip() + ELLIPSIS;
    }
}
