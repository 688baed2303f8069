package io.newsflow.enrich.pipeline.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * How an English dictionary writes a word: only in lower case (a common word: "Know" at a sentence start is not
 * a name), only capitalised (a proper noun: "Mecca", "Einstein"), or both ("Bush", "Mark"). The resource is a
 * gzipped word list, one word a line as the dictionary writes it (SCOWL via Debian's wamerican; see
 * entities-words.NOTICE.txt). Words are kept as the hash {@link EntityFeatures} uses, sorted for binary search.
 */
public final class WordClasses {

    public static final int UNKNOWN = 0;
    public static final int LOWER = 1;
    public static final int CAPITALISED = 2;
    public static final int BOTH = LOWER | CAPITALISED;

    private final int[] hashes;
    private final byte[] classes;

    private WordClasses(int[] hashes, byte[] classes) {
        this.hashes = hashes;
        this.classes = classes;
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
        int[] hashes = byHash.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        byte[] classes = new byte[hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            classes[i] = byHash.get(hashes[i]).byteValue();
        }
        return new WordClasses(hashes, classes);
    }

    /** An empty list: every word unknown. */
    public static WordClasses none() {
        return new WordClasses(new int[0], new byte[0]);
    }

    /** The class of the word with this lower-case hash. */
    public int classOf(int lowerHash) {
        int i = Arrays.binarySearch(hashes, lowerHash);
        return i < 0 ? UNKNOWN : classes[i];
    }

    public int size() {
        return hashes.length;
    }
}
