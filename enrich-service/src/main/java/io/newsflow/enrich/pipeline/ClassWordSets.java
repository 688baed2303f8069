package io.newsflow.enrich.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Several sets of lower-case class/id words ("date", "byline", ...), asked in one scan of a class or id attribute:
 * which sets hold one of its words (words split at whitespace, '-' and '_', compared case-insensitively). Every
 * element of a page is asked, so an ASCII word's lower-case hash is computed in the scan and checked against a
 * bit table of the sets' hashes first; only a hit (or a non-ASCII word) is cut out and lower-cased.
 */
final class ClassWordSets {

    /** The multiplier of {@link String#hashCode}. */
    private static final int HASH_MULTIPLIER = 31;
    private static final char ASCII_LIMIT = 128;
    private static final int TABLE_BITS = 1024;

    /** Word to the bits of the sets that hold it (set i is bit i). */
    private final Map<String, Integer> setsByWord = new HashMap<>();
    private final long[] hashTable = new long[TABLE_BITS / Long.SIZE];
    private final int minLength;
    private final int maxLength;

    /** @param sets lower-case words; set i answers as bit i of {@link #setsOf} */
    ClassWordSets(List<Set<String>> sets) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < sets.size(); i++) {
            for (String word : sets.get(i)) {
                setsByWord.merge(word, 1 << i, (a, b) -> a | b);
                int slot = slot(word.hashCode());
                hashTable[slot / Long.SIZE] |= 1L << slot;
                min = Math.min(min, word.length());
                max = Math.max(max, word.length());
            }
        }
        minLength = min;
        maxLength = max;
    }

    private static int slot(int hash) {
        return (hash ^ hash >>> 10 ^ hash >>> 20) & (TABLE_BITS - 1);
    }

    private boolean mayHold(int hash) {
        int slot = slot(hash);
        return (hashTable[slot / Long.SIZE] & 1L << slot) != 0;
    }

    /**
     * The bits of the sets (among {@code wanted}) that hold a word of {@code attribute}; stops once all wanted sets
     * are found.
     */
    int setsOf(String attribute, int wanted) {
        int found = 0;
        int start = 0;
        int length = attribute.length();
        int lowerHash = 0; // String.hashCode of the word lower-cased, while it is ASCII
        boolean ascii = true;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? attribute.charAt(i) : ' ';
            if (i == length || isWordSeparator(c)) {
                if (i - start >= minLength && i - start <= maxLength && (!ascii || mayHold(lowerHash))) {
                    Integer sets = setsByWord.get(attribute.substring(start, i).toLowerCase(Locale.ROOT));
                    if (sets != null) {
                        found |= sets & wanted;
                        if (found == wanted) {
                            return found;
                        }
                    }
                }
                start = i + 1;
                lowerHash = 0;
                ascii = true;
            } else if (c < ASCII_LIMIT) {
                lowerHash = HASH_MULTIPLIER * lowerHash + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            } else {
                ascii = false;
            }
        }
        return found;
    }

    private static boolean isWordSeparator(char c) {
        return c == '-' || c == '_' || Character.isWhitespace(c);
    }
}
