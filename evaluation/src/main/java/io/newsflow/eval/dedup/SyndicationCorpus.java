package io.newsflow.eval.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Builds a labelled syndication corpus from real article texts: for each base text, copies made by documented
 * transforms, plus unrelated negatives. The label of a pair is computed afterwards from exact shingle sets, not
 * assumed from the transform (a heavy edit may well fall below the threshold).
 * <p>
 * Transforms: {@code wrap} (site chrome lines before and after), {@code title} (a different headline line),
 * {@code drop-paragraph} (one paragraph removed), {@code reorder} (two paragraphs swapped), {@code edits-light}
 * (2% of words replaced or deleted), {@code edits-medium} (6%), {@code edits-heavy} (20%), {@code truncate-70} and
 * {@code truncate-50} (the first 70%/50% of the words), {@code drop-half} (every other paragraph removed),
 * {@code combo} (wrap + title + one paragraph dropped + 2% edits); negatives: another base text, and another
 * base text wrapped in the same chrome as a copy of this one.
 */
public final class SyndicationCorpus {

    /** A labelled pair: {@code copy} is judged against {@code original} (published first). */
    public record Pair(String transform, String original, String copy) {
    }

    private static final String[] CHROME_BEFORE = { "Skip to main content", "Home | World | Politics | Business",
            "Advertisement", "Share this article on Facebook Twitter Email" };
    private static final String[] CHROME_AFTER = { "Read more: latest headlines from our newsroom",
            "Sign up for our daily newsletter", "© 2024 Example Media Group. All rights reserved.",
            "Most Popular Articles" };
    private static final String[] FILLER = { "reportedly", "indeed", "meanwhile", "officials", "local", "new", "also",
            "however", "several", "recent" };

    private final Random random;

    public SyndicationCorpus(long seed) {
        this.random = new Random(seed);
    }

    public List<Pair> build(List<String> bases) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < bases.size(); i++) {
            String base = bases.get(i);
            String other = bases.get((i + 1 + random.nextInt(bases.size() - 1)) % bases.size());
            pairs.add(new Pair("wrap", base, wrap(base)));
            pairs.add(new Pair("title", base, "Exclusive: what we know so far about the story\n\n" + base));
            pairs.add(new Pair("drop-paragraph", base, dropParagraph(base)));
            pairs.add(new Pair("reorder", base, reorder(base)));
            pairs.add(new Pair("edits-light", base, edit(base, 0.02)));
            pairs.add(new Pair("edits-medium", base, edit(base, 0.06)));
            pairs.add(new Pair("edits-heavy", base, edit(base, 0.20)));
            pairs.add(new Pair("truncate-70", base, truncate(base, 0.7)));
            pairs.add(new Pair("truncate-50", base, truncate(base, 0.5)));
            pairs.add(new Pair("drop-half", base, dropHalf(base)));
            pairs.add(new Pair("combo", base, "Breaking news update\n\n" + wrap(edit(dropParagraph(base), 0.02))));
            pairs.add(new Pair("negative", base, other));
            pairs.add(new Pair("negative-same-chrome", wrap(base), wrap(other)));
        }
        return pairs;
    }

    private static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("\\n\\s*\\n|\\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private String wrap(String text) {
        return String.join("\n", CHROME_BEFORE) + "\n\n" + text + "\n\n" + String.join("\n", CHROME_AFTER);
    }

    private String dropParagraph(String text) {
        List<String> ps = paragraphs(text);
        if (ps.size() >= 4) {
            ps.remove(1 + random.nextInt(ps.size() - 2));
        }
        return String.join("\n\n", ps);
    }

    private String dropHalf(String text) {
        List<String> ps = paragraphs(text);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < ps.size(); i += 2) {
            kept.add(ps.get(i));
        }
        return String.join("\n\n", kept);
    }

    private String reorder(String text) {
        List<String> ps = paragraphs(text);
        if (ps.size() >= 3) {
            int a = random.nextInt(ps.size());
            int b = random.nextInt(ps.size());
            String t = ps.get(a);
            ps.set(a, ps.get(b));
            ps.set(b, t);
        }
        return String.join("\n\n", ps);
    }

    private String edit(String text, double share) {
        List<String> ps = paragraphs(text);
        List<String> out = new ArrayList<>();
        for (String p : ps) {
            List<String> words = new ArrayList<>(Arrays.asList(p.split(" ")));
            for (int i = 0; i < words.size(); i++) {
                if (random.nextDouble() < share) {
                    if (random.nextBoolean()) {
                        words.set(i, FILLER[random.nextInt(FILLER.length)]);
                    } else {
                        words.remove(i--);
                    }
                }
            }
            out.add(String.join(" ", words));
        }
        return String.join("\n\n", out);
    }

    private static String truncate(String text, double share) {
        String[] words = text.split(" ");
        return String.join(" ", Arrays.copyOf(words, Math.max(1, (int) (words.length * share))));
    }
}
