package io.newsflow.enrich.pipeline.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * How an English dictionary writes a word: only in lower case (a common word: "Know" at a sentence start is not
 * a name), only capitalised (a proper noun: "Mecca", "Einstein"), or both ("Bush", "Mark"). The resource is a
 * gzipped word list, one word a line as the dictionary writes it (SCOWL via Debian's wamerican; see
 * entities-words.NOTICE.txt). Words are kept as the hash {@link EntityFeatures} uses, in an open-addressing table.
 */
public final class WordClasses {

    public static final int UNKNOWN = 0;
    public static final int LOWER = 1;
    public static final int CAPITALISED = 2;
    public static final int BOTH = LOWER | CAPITALISED;

    /** Open-addressing table of word hashes (0 marks a free slot, so a word hashing to 0 is stored as 1). */
    private final int[] slots;
    private final byte[] classes;
    private final int mask;

    private WordClasses(Map<Integer, Integer> byHash) {
        int capacity = Integer.highestOneBit(Math.max(4, byHash.size() * 2)) * 2; // load factor at most 1/2
        slots = new int[capacity];
        classes = new byte[capacity];
        mask = capacity - 1;
        byHash.forEach((hash, c) -> {
            int key = hash == 0 ? 1 : hash;
            int slot = mix(key) & mask;
            while (slots[slot] != 0 && slots[slot] != key) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = key;
            classes[slot] |= c.byteValue();
        });
    }

    private static int mix(int h) {
        h *= 0x9E3779B1;
        return h ^ (h >>> 15);
    }

    public static WordClasses fromResource(String resource) {
        InputStream in = WordClasses.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("word list resource not found: " + resource);
        }
        Map<Integer, Integer> byHash = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String w = line.strip();
                if (!w.isEmpty()) {
                    int c = Character.isUpperCase(w.charAt(0)) ? CAPITALISED : LOWER;
                    byHash.merge(EntityFeatures.lowerHash(w, 0, w.length()), c, (a, b) -> a | b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("word list resource " + resource + " is unreadable", e);
        }
        return new WordClasses(byHash);
    }

    /** An empty list: every word unknown. */
    public static WordClasses none() {
        return new WordClasses(Map.of());
    }

    /** The class of a word, whatever its case. */
    public int classOf(String word) {
        return classOf(EntityFeatures.lowerHash(word, 0, word.length()));
    }

    /** The class of the word with this lower-case hash. */
    public int classOf(int lowerHash) {
        int key = lowerHash == 0 ? 1 : lowerHash;
        int slot = mix(key) & mask;
        while (slots[slot] != 0) {
            if (slots[slot] == key) {
                return classes[slot];
            }
            slot = (slot + 1) & mask;
        }
        return UNKNOWN;
    }
}
