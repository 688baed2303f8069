package io.newsflow.enrich.pipeline.entities;

import java.util.List;

import io.newsflow.enrich.pipeline.EntityTokenizer.Token;

/**
 * Hashed features of each token of a paragraph, for the entity tagger and its trainer (one definition for both,
 * so a model always sees the features it was trained on). Static features (the word, its shape, affixes, its
 * neighbours, word classes, gazetteer hits, the head of its capitalised run) are computed once per paragraph;
 * the label of the previous token is added at decoding time.
 */
public final class EntityFeatures {

    /** Most static features one token can have (see {@link #staticFeatures}). */
    public static final int MAX_FEATURES = 40;
    /** Gazetteer hit classes for features. */
    public static final int GAZ_NONE = 0;

    private static final int PAD = 0x5EED_0001;
    private static final java.util.Set<String> JOINERS = java.util.Set.of(".", "&", "and", "on", "the");
    /** Joiners more than this many tokens after a capitalised word are never inside a name. */
    private static final int JOINER_REACH = 2;
    private static final int SHAPE_LIMIT = 5;

    private final int mask;
    private final int size;
    private final int[] lower;
    private final int[] shape;
    private final int[] suffix3;
    private final int[] suffix2;
    private final int[] prefix3;
    private final int[] wordClass;
    private final int[] gaz;
    private final int[] runHead;
    private final int[] runPos;
    private final int[] dictionary;
    private final boolean[] sentenceStart;
    private final boolean[] capitalised;
    private final boolean[] joiner;

    /**
     * @param tokens  the paragraph's tokens
     * @param gazHits per token, its gazetteer class (0 = none; e.g. 1 + position of the type in a fixed list) and
     *                whether it begins the match (added as +16)
     * @param words   how a dictionary writes each word
     * @param mask    bucket mask of the model
     */
    public EntityFeatures(List<Token> tokens, int[] gazHits, WordClasses words, int mask) {
        this(tokens, gazHits, words, mask, new WordMemo());
    }

    /**
     * The features of a word that depend on its text alone (hashes, shape, word classes), computed once per distinct
     * word: an article repeats its names, their neighbours and its punctuation, and the dictionary lookup misses the
     * cache every time. One memo serves the paragraphs of one text; it is not shared between threads.
     */
    public static final class WordMemo {
        private static final int LOWER = 0;
        private static final int SHAPE = 1;
        private static final int SUFFIX3 = 2;
        private static final int SUFFIX2 = 3;
        private static final int PREFIX3 = 4;
        private static final int WORD_CLASS = 5;
        private static final int DICTIONARY = 6;
        private static final int JOINER = 7;
        private static final int FIELDS = 8;

        private final java.util.Map<String, int[]> byWord = new java.util.HashMap<>();

        int[] of(String w, WordClasses words) {
            int[] f = byWord.get(w);
            if (f == null) {
                f = new int[FIELDS];
                f[LOWER] = lowerHash(w, 0, w.length());
                f[SHAPE] = shapeHash(w);
                f[SUFFIX3] = lowerHash(w, Math.max(0, w.length() - 3), w.length());
                f[SUFFIX2] = lowerHash(w, Math.max(0, w.length() - 2), w.length());
                f[PREFIX3] = lowerHash(w, 0, Math.min(3, w.length()));
                f[WORD_CLASS] = EntityLexicon.wordClass(w);
                f[DICTIONARY] = words.classOf(f[LOWER]);
                f[JOINER] = f[WORD_CLASS] == EntityLexicon.CONNECTOR || JOINERS.contains(w) ? 1 : 0;
                byWord.put(w, f);
            }
            return f;
        }
    }

    /** As {@link #EntityFeatures(List, int[], WordClasses, int)}, with the word features of {@code memo}. */
    public EntityFeatures(List<Token> tokens, int[] gazHits, WordClasses words, int mask, WordMemo memo) {
        this.mask = mask;
        this.size = tokens.size();
        lower = new int[size];
        shape = new int[size];
        suffix3 = new int[size];
        suffix2 = new int[size];
        prefix3 = new int[size];
        wordClass = new int[size];
        runHead = new int[size];
        runPos = new int[size];
        dictionary = new int[size];
        sentenceStart = new boolean[size];
        capitalised = new boolean[size];
        joiner = new boolean[size];
        gaz = gazHits;
        for (int i = 0; i < size; i++) {
            Token t = tokens.get(i);
            capitalised[i] = t.isWord() && t.capitalized();
        }
        // only capitalised tokens, the joiners that may follow them, and their neighbours (features look two
        // tokens either way) get features: in running text most tokens need none
        boolean[] needed = new boolean[size];
        for (int i = 0; i < size; i++) {
            if (capitalised[i]) {
                java.util.Arrays.fill(needed, Math.max(0, i - 2), Math.min(size, i + 1 + JOINER_REACH + 2), true);
            }
        }
        for (int i = 0; i < size; i++) {
            if (!needed[i]) {
                continue;
            }
            Token t = tokens.get(i);
            int[] f = memo.of(t.text(), words);
            lower[i] = f[WordMemo.LOWER];
            shape[i] = f[WordMemo.SHAPE];
            suffix3[i] = f[WordMemo.SUFFIX3];
            suffix2[i] = f[WordMemo.SUFFIX2];
            prefix3[i] = f[WordMemo.PREFIX3];
            wordClass[i] = f[WordMemo.WORD_CLASS];
            dictionary[i] = f[WordMemo.DICTIONARY];
            sentenceStart[i] = t.sentenceStart();
            joiner[i] = !capitalised[i] && f[WordMemo.JOINER] != 0;
        }
        // runs of capitalised words (with connectors inside): each token learns the class of the run's last word
        int i = 0;
        while (i < size) {
            if (!capitalised[i]) {
                runHead[i] = -1;
                i++;
                continue;
            }
            int end = i + 1;
            while (end < size && (capitalised[end]
                    || (wordClass[end] == EntityLexicon.CONNECTOR && end + 1 < size && capitalised[end + 1]))) {
                end++;
            }
            int head = wordClass[end - 1];
            for (int k = i; k < end; k++) {
                runHead[k] = head;
                runPos[k] = Math.min(k - i, 2) * 4 + Math.min(end - i, 3);
            }
            i = end;
        }
    }

    public int size() {
        return size;
    }

    /**
     * Whether token i can be part of a name at all: a capitalised word, or a connector or joining mark ("of",
     * ".", "&") right after a name token. Every other token is outside any name without being scored, which
     * keeps the tagger's cost to the few capitalised tokens of a text; the trainer skips the same tokens.
     */
    public boolean mayBeName(int i, int previousLabel) {
        return capitalised[i] || previousLabel != EntityTagModel.O && joiner[i];
    }

    /** Writes token i's static feature buckets into out, returns how many. */
    public int staticFeatures(int i, int[] out) {
        int n = 0;
        out[n++] = bucket(1, 0);
        out[n++] = bucket(2, lower[i]);
        out[n++] = bucket(3, shape[i]);
        out[n++] = bucket(4, suffix3[i]);
        out[n++] = bucket(5, suffix2[i]);
        out[n++] = bucket(6, prefix3[i]);
        out[n++] = bucket(7, at(lower, i - 1));
        out[n++] = bucket(8, at(lower, i + 1));
        out[n++] = bucket(9, at(lower, i - 2));
        out[n++] = bucket(10, at(lower, i + 2));
        out[n++] = bucket(11, at(shape, i - 1) * 31 + shape[i]);
        out[n++] = bucket(12, shape[i] * 31 + at(shape, i + 1));
        out[n++] = bucket(13, (sentenceStart[i] ? 2 : 0) + (capitalised[i] ? 1 : 0));
        out[n++] = bucket(14, (sentenceStart[i] ? 1 : 0) * 31 + lower[i]);
        out[n++] = bucket(15, wordClass[i]);
        out[n++] = bucket(16, at(wordClass, i - 1));
        out[n++] = bucket(17, at(wordClass, i + 1));
        out[n++] = bucket(18, gaz[i]);
        out[n++] = bucket(19, at(gaz, i - 1));
        out[n++] = bucket(20, at(gaz, i + 1));
        out[n++] = bucket(21, runHead[i]);
        out[n++] = bucket(22, runPos[i] * 31 + runHead[i]);
        out[n++] = bucket(23, at(lower, i - 1) * 31 + lower[i]);
        out[n++] = bucket(24, lower[i] * 31 + at(lower, i + 1));
        out[n++] = bucket(25, at(shape, i - 1) * 961 + shape[i] * 31 + at(shape, i + 1));
        out[n++] = bucket(26, dictionary[i]);
        out[n++] = bucket(27, dictionary[i] * 31 + (sentenceStart[i] ? 2 : 0) + (capitalised[i] ? 1 : 0));
        out[n++] = bucket(28, at(dictionary, i - 1));
        out[n++] = bucket(29, at(dictionary, i + 1));
        out[n++] = bucket(30, dictionary[i] * 31 + runPos[i]);
        return n;
    }

    /** Writes the features that depend on the previous token's label, returns the new count. */
    public int labelFeatures(int i, int previousLabel, int[] out, int n) {
        out[n++] = bucket(40, previousLabel);
        out[n++] = bucket(41, previousLabel * 31 + shape[i]);
        out[n++] = bucket(42, previousLabel * 31 + lower[i]);
        return n;
    }

    private static int at(int[] values, int i) {
        return i < 0 || i >= values.length ? PAD : values[i];
    }

    private int bucket(int template, int value) {
        int h = template * 0x9E3779B1 ^ value;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h & mask;
    }

    static int lowerHash(String w, int from, int to) {
        int h = 17;
        for (int k = from; k < to; k++) {
            h = 31 * h + Character.toLowerCase(w.charAt(k));
        }
        return h;
    }

    /** "Kishida" → Xx, "U.S." → X.X., "2024" → d, "Self-Defense" → Xx-Xx (runs collapsed, at most 5 symbols). */
    private static int shapeHash(String w) {
        int h = 19;
        char last = 0;
        int symbols = 0;
        for (int k = 0; k < w.length() && symbols < SHAPE_LIMIT; k++) {
            char c = w.charAt(k);
            char s = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd' : c;
            if (s != last) {
                h = 31 * h + s;
                last = s;
                symbols++;
            }
        }
        return h;
    }
}
