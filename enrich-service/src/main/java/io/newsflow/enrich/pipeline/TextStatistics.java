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
    /** The {0,32} of {@link #WORD}. */
    private static final int MAX_DOTTED_PARTS = 32;

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
        // the matches of WORD, counted by a loop (it runs over every text): a letter or digit starts a word, its
        // tail is letters, digits, marks, apostrophes and hyphens, and up to MAX_DOTTED_PARTS "[.,]" + tail follow
        int n = 0;
        int len = text.length();
        int i = 0;
        while (i < len) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!TextBlocks.isLetterOrNumber(cp)) {
                continue;
            }
            n++;
            i = skipWordTail(text, i);
            for (int part = 0; part < MAX_DOTTED_PARTS && i + 1 < len; part++) {
                char c = text.charAt(i);
                int next = text.codePointAt(i + 1);
                if (c != '.' && c != ',' || !TextBlocks.isLetterOrNumber(next)) {
                    break;
                }
                i = skipWordTail(text, i + 1 + Character.charCount(next));
            }
        }
        return n;
    }

    /** Regex {@code WORD}, kept as the definition the loop follows (and the tests compare with). */
    static Pattern wordPattern() {
        return WORD;
    }

    private static int skipWordTail(String text, int from) {
        return TextBlocks.skipWhile(text,
                cp -> TextBlocks.isLetterOrNumber(cp) || isMark(cp) || cp == '\'' || cp == '’' || cp == '-', from);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
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
