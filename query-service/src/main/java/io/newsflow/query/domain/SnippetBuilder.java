package io.newsflow.query.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A search hit's snippet, built in the service instead of by PostgreSQL's {@code ts_headline} (which cost ~0.33 ms
 * of database CPU a row): the text is split into words ({@link HeadlineTokens}), each word gets the lexeme of the
 * row's text-search configuration ({@link TextSearchLexemes}), words whose lexeme is one of the query's are
 * matched against the query as PostgreSQL parsed it ({@link TsQuery}), and fragments are chosen around the best
 * covers of the query and printed with the matched words marked — the algorithm of PostgreSQL's default parser's
 * headline ({@code prsd_headline}: {@code mark_hl_fragments}, or {@code mark_hl_words} without MaxFragments), and
 * its options. One difference on purpose: words that only match a negated term ({@code -word}) are not marked.
 * The text around the marks is returned as it is (not HTML-escaped), as {@code ts_headline} returned it.
 */
public final class SnippetBuilder {

    /** {@code ts_headline}'s options, with its defaults. */
    public record Options(int maxWords, int minWords, int shortWord, int maxFragments, boolean highlightAll,
            String startSel, String stopSel, String fragmentDelimiter) {

        public Options {
            if (!highlightAll && (minWords >= maxWords || minWords <= 0 || shortWord < 0 || maxFragments < 0)) {
                throw new IllegalArgumentException("headline options: MinWords must be positive and less than"
                        + " MaxWords, ShortWord and MaxFragments not negative");
            }
        }

        /**
         * Parses {@code ts_headline}'s option string: {@code Name=value} pairs separated by commas, a value in
         * double quotes when it holds commas or spaces. Unknown names are refused, as {@code ts_headline} does.
         */
        public static Options parse(String text) {
            Map<String, String> values = new HashMap<>();
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                int eq = text.indexOf('=', i);
                if (eq < 0) {
                    throw new IllegalArgumentException("headline options: '=' expected in " + text);
                }
                String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
                i = eq + 1;
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                String value;
                if (i < n && text.charAt(i) == '"') {
                    StringBuilder quoted = new StringBuilder();
                    for (i++; i < n && text.charAt(i) != '"'; i++) {
                        if (text.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        quoted.append(text.charAt(i));
                    }
                    i++;
                    value = quoted.toString(); // spaces kept: the delimiter " … " has them on purpose
                } else {
                    int comma = text.indexOf(',', i);
                    int stop = comma < 0 ? n : comma;
                    value = text.substring(i, stop).trim();
                    i = stop;
                }
                values.put(name, value);
            }
            for (String name : values.keySet()) {
                if (!List.of("maxwords", "minwords", "shortword", "maxfragments", "highlightall", "startsel",
                        "stopsel", "fragmentdelimiter").contains(name)) {
                    throw new IllegalArgumentException("unrecognized headline parameter: " + name);
                }
            }
            String all = values.getOrDefault("highlightall", "false").toLowerCase(Locale.ROOT);
            return new Options(Integer.parseInt(values.getOrDefault("maxwords", "35")),
                    Integer.parseInt(values.getOrDefault("minwords", "15")),
                    Integer.parseInt(values.getOrDefault("shortword", "3")),
                    Integer.parseInt(values.getOrDefault("maxfragments", "0")),
                    List.of("1", "on", "true", "t", "y", "yes").contains(all),
                    values.getOrDefault("startsel", "<b>"), values.getOrDefault("stopsel", "</b>"),
                    values.getOrDefault("fragmentdelimiter", " ... "));
        }
    }

    /** One entry of the headline's word list (PostgreSQL's HeadlineWordEntry). */
    private static final class Word {
        /** The text the word is in, and where: printed from there, never copied. */
        final String source;
        final int start;
        final int end;
        final HeadlineTokens.Kind kind;
        final int byteLength;
        int pos;
        /** The query operand this entry matches, -1 for none. */
        int item = -1;
        /** A copy made because the word matches one more operand: used for covers, never printed. */
        boolean repeated;
        /** True when the word matches a term that is not negated: it is marked when printed. */
        boolean marked;
        boolean in;

        Word(String source, int start, int end, HeadlineTokens.Kind kind) {
            this.source = source;
            this.start = start;
            this.end = end;
            this.kind = kind;
            this.byteLength = utf8Length(source, start, end);
        }

        /** The text's length in UTF-8 bytes, as PostgreSQL measures ShortWord. */
        private static int utf8Length(String text, int start, int end) {
            int bytes = 0;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            }
            return bytes;
        }

        Word copyFor(int operand) {
            Word w = new Word(source, start, end, kind);
            w.pos = pos;
            w.item = operand;
            w.repeated = true;
            return w;
        }

        /** Not a word for counting (blanks and whole hyphenated words). */
        boolean nonWord() {
            return kind == HeadlineTokens.Kind.BLANK || kind == HeadlineTokens.Kind.COMPOUND
                    || kind == HeadlineTokens.Kind.TAG;
        }

        /** A token a fragment should not end at (numbers, protocols, non-words). */
        boolean noEnd() {
            return nonWord() || kind == HeadlineTokens.Kind.NUMBER || kind == HeadlineTokens.Kind.PROTOCOL;
        }

        boolean interesting() {
            return item >= 0 && !repeated;
        }
    }

    private final Options options;

    public SnippetBuilder(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    /**
     * The snippet of {@code text} for a query: {@code query} is the query as PostgreSQL parses it for the row's
     * text-search configuration, and {@code lexemes} that configuration's (reuse one per configuration and
     * thread).
     */
    public String build(String text, TsQuery query, TextSearchLexemes lexemes) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        List<Word> words = words(text, query, lexemes);
        if (options.maxFragments() == 0) {
            markWords(words, query);
        } else {
            markFragments(words, query);
        }
        return print(words);
    }

    /** The word list: each token, its lexeme position, the operand it matches (copies for further operands). */
    private static List<Word> words(String text, TsQuery query, TextSearchLexemes lexemes) {
        Map<String, List<TsQuery.Operand>> byLexeme = new HashMap<>();
        List<TsQuery.Operand> prefixes = new ArrayList<>();
        for (TsQuery.Operand o : query.operands()) {
            if (o.prefix()) {
                prefixes.add(o);
            } else {
                byLexeme.computeIfAbsent(o.lexeme(), k -> new ArrayList<>()).add(o);
            }
        }
        List<HeadlineTokens.Token> tokens = HeadlineTokens.of(text);
        List<Word> words = new ArrayList<>(tokens.size()); // one a token, and rarely a copy
        int pos = 0;
        for (HeadlineTokens.Token token : tokens) {
            Word word = new Word(text, token.start(), token.end(), token.kind());
            words.add(word);
            if (token.kind() == HeadlineTokens.Kind.BLANK || token.kind() == HeadlineTokens.Kind.PROTOCOL
                    || token.kind() == HeadlineTokens.Kind.TAG) {
                continue; // no dictionary: no lexeme, no position
            }
            word.pos = ++pos; // stop words take a position too
            String lexeme = token.stemmed() ? lexemes.stem(token.text()) : TextSearchLexemes.lowerCase(token.text());
            List<TsQuery.Operand> exact = lexeme == null ? null : byLexeme.get(lexeme);
            if (lexeme == null || (exact == null && prefixes.isEmpty())) {
                continue; // most words: no list of operands for them
            }
            List<TsQuery.Operand> matched = exact == null ? new ArrayList<>() : new ArrayList<>(exact);
            for (TsQuery.Operand o : prefixes) {
                if (lexeme.startsWith(o.lexeme())) {
                    matched.add(o);
                }
            }
            matched.sort((a, b) -> Integer.compare(a.index(), b.index()));
            for (TsQuery.Operand o : matched) {
                word.marked |= !o.negated();
                if (word.item < 0) {
                    word.item = o.index();
                } else {
                    words.add(word.copyFor(o.index()));
                }
            }
        }
        return words;
    }

    /** The query's view of a range of words, grown word by word: where each operand occurs. */
    private static final class Occurrences implements TsQuery.Occurrences {
        private final int[][] positions;
        private final int[] counts;

        Occurrences(int operands) {
            positions = new int[operands][4];
            counts = new int[operands];
        }

        void clear() {
            Arrays.fill(counts, 0);
        }

        /** Adds a word of the range (words come in text order, so positions stay ascending). */
        void add(Word w) {
            if (w.item < 0) {
                return;
            }
            int n = counts[w.item];
            int[] p = positions[w.item];
            if (n > 0 && p[n - 1] >= w.pos) {
                return; // distinct, as PostgreSQL collects them
            }
            if (n == p.length) {
                p = positions[w.item] = Arrays.copyOf(p, n * 2);
            }
            p[n] = w.pos;
            counts[w.item] = n + 1;
        }

        @Override
        public boolean has(int index) {
            return counts[index] > 0;
        }

        @Override
        public int[] positionsOf(int index) {
            return Arrays.copyOf(positions[index], counts[index]);
        }
    }

    /** The index of the first word at or after {@code from} that matches an operand, -1 when none. */
    private static int firstMatch(List<Word> words, int from) {
        for (int i = from; i < words.size(); i++) {
            if (words.get(i).item >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * PostgreSQL's hlCover (PostgreSQL 13-15): from word index {@code from}, the earliest, shortest range of words
     * {p, q} that satisfies the query, both ends matching words, at most {@code maxCover} word indexes long.
     */
    private static int[] cover(List<Word> words, TsQuery query, int from, int maxCover) {
        if (query.root() == null) {
            return null;
        }
        Occurrences range = new Occurrences(query.operands().size());
        int pmin = firstMatch(words, from);
        while (pmin >= 0) {
            int nextPmin = -1;
            int pmax = pmin;
            range.clear();
            int added = pmin;
            do {
                for (; added <= pmax; added++) {
                    range.add(words.get(added));
                }
                if (TsQuery.matches(query.root(), range)) {
                    return new int[] {pmin, pmax};
                }
                int nextPmax = firstMatch(words, pmax + 1);
                if (pmax == pmin) {
                    nextPmin = nextPmax;
                }
                pmax = nextPmax;
            } while (pmax >= 0 && pmax - pmin < maxCover);
            pmin = nextPmin;
        }
        return null;
    }

    /** How far a cover may reach, in word indexes (blanks count): PostgreSQL's max_cover. */
    private int maxCover() {
        int maxCover = Math.max(options.maxWords() * 10, 100);
        return options.maxFragments() > 0 ? maxCover * options.maxFragments() : maxCover;
    }

    private boolean badEndpoint(Word w) {
        return (w.noEnd() || w.byteLength <= options.shortWord()) && !w.interesting();
    }

    private static void markFragment(List<Word> words, int start, int end) {
        for (int i = start; i <= end; i++) {
            Word w = words.get(i);
            w.in = !w.repeated;
        }
    }

    /** A cover cut into a fragment: word range, interesting words, words. */
    private static final class Fragment {
        int start;
        int end;
        int interesting;
        int length;
        boolean chosen;
        boolean excluded;
    }

    /** PostgreSQL's get_next_fragment: from range[0]..range[1], at most maxWords words, query words at both ends. */
    private Fragment nextFragment(List<Word> words, int start, int end) {
        Fragment f = new Fragment();
        int i;
        for (i = start; i <= end; i++) {
            start = i;
            if (words.get(i).interesting()) {
                break;
            }
        }
        for (i = start; i <= end && f.length < options.maxWords(); i++) {
            if (!words.get(i).nonWord()) {
                f.length++;
            }
            if (words.get(i).interesting()) {
                f.interesting++;
            }
        }
        if (end > i) {
            end = i;
            for (i = end; i >= start; i--) {
                end = i;
                if (words.get(i).interesting()) {
                    break;
                }
                if (!words.get(i).nonWord()) {
                    f.length--;
                }
            }
        }
        f.start = start;
        f.end = end;
        return f;
    }

    /** PostgreSQL's mark_hl_fragments (MaxFragments above 0). */
    private void markFragments(List<Word> words, TsQuery query) {
        List<Fragment> covers = new ArrayList<>();
        int maxCover = maxCover();
        for (int[] c = cover(words, query, 0, maxCover); c != null; c = cover(words, query, c[0] + 1, maxCover)) {
            int start = c[0];
            while (start <= c[1]) {
                Fragment f = nextFragment(words, start, c[1]);
                covers.add(f);
                start = f.end + 1;
            }
        }
        int marked = 0;
        for (int k = 0; k < options.maxFragments(); k++) {
            Fragment best = null;
            for (Fragment f : covers) {
                // the most query words; of as many, the fewest words (PostgreSQL takes one without query words too)
                if (!f.chosen && !f.excluded && (best == null || best.interesting < f.interesting
                                || (best.interesting == f.interesting && best.length > f.length))) {
                    best = f;
                }
            }
            if (best == null) {
                break;
            }
            best.chosen = true;
            int start = best.start;
            int end = best.end;
            int length = best.length;
            if (length < options.maxWords()) {
                int maxStretch = (options.maxWords() - length) / 2;
                int stretch = 0;
                int marker = start;
                int i;
                for (i = start - 1; i >= 0 && stretch < maxStretch && !words.get(i).in; i--) {
                    if (!words.get(i).nonWord()) {
                        length++;
                        stretch++;
                    }
                    marker = i;
                }
                for (i = marker; i < start && badEndpoint(words.get(i)); i++) {
                    if (!words.get(i).nonWord()) {
                        length--;
                    }
                }
                start = i;
                marker = end;
                for (i = end + 1; i < words.size() && length < options.maxWords() && !words.get(i).in; i++) {
                    if (!words.get(i).nonWord()) {
                        length++;
                    }
                    marker = i;
                }
                for (i = marker; i > end && badEndpoint(words.get(i)); i--) {
                    if (!words.get(i).nonWord()) {
                        length--;
                    }
                }
                end = i;
            }
            best.start = start;
            best.end = end;
            best.length = length;
            markFragment(words, start, end);
            marked++;
            for (Fragment f : covers) {
                if (f != best && ((f.start >= start && f.start <= end) || (f.end >= start && f.end <= end)
                        || (f.start < start && f.end > end))) {
                    f.excluded = true;
                }
            }
        }
        if (marked == 0) {
            markLeadingWords(words);
        }
    }

    /** The first MinWords words: the snippet when nothing matched. */
    private void markLeadingWords(List<Word> words) {
        int length = 0;
        int end = -1;
        for (int i = 0; i < words.size() && length < options.minWords(); i++) {
            if (!words.get(i).nonWord()) {
                length++;
            }
            end = i;
        }
        markFragment(words, 0, end);
    }

    /** PostgreSQL's mark_hl_words (MaxFragments = 0): one headline around the best cover. */
    private void markWords(List<Word> words, TsQuery query) {
        if (options.highlightAll()) {
            markFragment(words, 0, words.size() - 1);
            return;
        }
        int bestb = -1;
        int beste = -1;
        int bestlen = -1;
        boolean bestcover = false;
        int minWords = options.minWords();
        int maxWords = options.maxWords();
        int maxCover = maxCover();
        for (int[] c = cover(words, query, 0, maxCover); c != null; c = cover(words, query, c[0] + 1, maxCover)) {
            int p = c[0];
            int q = c[1];
            int curlen = 0;
            int poslen = 0;
            int posb = p;
            int pose = p;
            int i;
            for (i = p; i <= q && curlen < maxWords; i++) {
                if (!words.get(i).nonWord()) {
                    curlen++;
                }
                if (words.get(i).interesting()) {
                    poslen++;
                }
                pose = i;
            }
            if (curlen < maxWords) {
                for (i = i - 1; i < words.size() && curlen < maxWords; i++) {
                    if (i > q) {
                        if (!words.get(i).nonWord()) {
                            curlen++;
                        }
                        if (words.get(i).interesting()) {
                            poslen++;
                        }
                    }
                    pose = i;
                    if (badEndpoint(words.get(i))) {
                        continue;
                    }
                    if (curlen >= minWords) {
                        break;
                    }
                }
                if (curlen < minWords) {
                    for (i = p - 1; i >= 0; i--) {
                        if (!words.get(i).nonWord()) {
                            curlen++;
                        }
                        if (words.get(i).interesting()) {
                            poslen++;
                        }
                        if (curlen >= maxWords) {
                            break;
                        }
                        if (badEndpoint(words.get(i))) {
                            continue;
                        }
                        if (curlen >= minWords) {
                            break;
                        }
                    }
                    posb = Math.max(i, 0);
                }
            } else {
                if (i > q) {
                    i = q;
                }
                for (; curlen > minWords; i--) {
                    if (!badEndpoint(words.get(i))) {
                        break;
                    }
                    if (!words.get(i).nonWord()) {
                        curlen--;
                    }
                    if (words.get(i).interesting()) {
                        poslen--;
                    }
                    pose = i - 1;
                }
            }
            boolean poscover = posb <= p && pose >= q;
            if ((poscover && !bestcover) || (poscover == bestcover && poslen > bestlen)
                    || (poscover == bestcover && poslen == bestlen && !badEndpoint(words.get(pose))
                            && beste >= 0 && badEndpoint(words.get(beste)))) {
                bestb = posb;
                beste = pose;
                bestlen = poslen;
                bestcover = poscover;
            }
        }
        if (bestlen < 0) {
            markLeadingWords(words);
        } else {
            markFragment(words, bestb, beste);
        }
    }

    /** PostgreSQL's generateHeadline: the words in fragments, marked, fragments joined by the delimiter. */
    private String print(List<Word> words) {
        StringBuilder out = new StringBuilder();
        boolean inFragment = false;
        int fragments = 0;
        for (Word w : words) {
            if (w.repeated) {
                continue;
            }
            if (!w.in) {
                inFragment = false;
                continue;
            }
            if (!inFragment) {
                inFragment = true;
                if (++fragments > 1) {
                    out.append(options.fragmentDelimiter());
                }
            }
            if (w.kind == HeadlineTokens.Kind.COMPOUND) {
                continue; // its parts are printed
            }
            if (w.kind == HeadlineTokens.Kind.TAG && !options.highlightAll()) {
                out.append(' ');
                continue;
            }
            if (w.marked) {
                out.append(options.startSel()).append(w.source, w.start, w.end).append(options.stopSel());
            } else {
                out.append(w.source, w.start, w.end);
            }
        }
        return out.toString();
    }
}
