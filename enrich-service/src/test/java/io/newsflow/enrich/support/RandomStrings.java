package io.newsflow.enrich.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random short strings over a chosen alphabet (with surrogate pairs kept whole), to compare a loop with its regex. */
public final class RandomStrings {

    private RandomStrings() {
    }

    /** {@code count} strings of 0..maxLength characters of {@code alphabet}, reproducible from {@code seed}. */
    public static List<String> of(String alphabet, int count, int maxLength, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(maxLength + 1);
            for (int j = 0; j < length; j++) {
                int at = random.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                if (Character.isHighSurrogate(c)) {
                    b.append(alphabet, at, at + 2);
                } else if (!Character.isLowSurrogate(c)) {
                    b.append(c);
                }
            }
            out.add(b.toString());
        }
        return out;
    }
}
