package io.newsflow.enrich.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word shingles of a clean text as a sorted set of 32-bit hashes. Words are lower-cased letter/digit runs
 * (punctuation, case and whitespace never make two copies differ); a shingle is {@code size} consecutive words.
 */
public final class Shingler {

    private final int size;

    public Shingler(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("shingle size must be >= 1");
        }
        this.size = size;
    }

    public int size() {
        return size;
    }

    public static List<String> words(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean wordChar = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(s.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** Sorted distinct shingle hashes; a text shorter than one shingle gives its single (short) shingle. */
    public int[] shingles(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return new int[0];
        }
        int n = Math.max(1, words.size() - size + 1);
        int[] hashes = new int[n];
        for (int i = 0; i < n; i++) {
            long h = Hashing.FNV_OFFSET;
            for (int j = i; j < Math.min(words.size(), i + size); j++) {
                h = Hashing.fnv(h, words.get(j));
                h = Hashing.fnv(h, " ");
            }
            hashes[i] = (int) Hashing.mix(h);
        }
        Arrays.sort(hashes);
        return distinct(hashes);
    }

    private static int[] distinct(int[] sorted) {
        if (sorted.length == 0) {
            return sorted;
        }
        int k = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[k - 1]) {
                sorted[k++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, k);
    }
}
