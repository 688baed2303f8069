package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cheap first try of the language stage: in Latin-script text, each word that is a frequent function word
 * of a candidate language ("the", "und", "les", "het", "się" ...) votes for that language. A language wins only
 * with a clear result (enough votes, a real share of the words, far ahead of the runner-up); anything else
 * (other scripts, short or mixed text, close languages) is inconclusive and goes to Lingua. Lists are data:
 * {@code language-stopwords.txt}, one language a line, {@code iso: word word ...}.
 */
final class StopwordLanguageVote {

    /** A decided language and its confidence: 1 - runner-up votes / winner votes. */
    record Result(String iso, double confidence) {
    }

    static final String RESOURCE = "language-stopwords.txt";
    /** Fewer function words than this is too little evidence (a headline, a list of names). */
    static final int MIN_VOTES = 12;
    /** Function words are 30-50 % of running text in these languages; below 15 % the text is not (only) this one. */
    static final double MIN_SHARE_OF_WORDS = 0.15;
    /** The winner must have this many times the runner-up's votes (es/pt, nl/de share many short words). */
    static final double MIN_LEAD = 3.0;
    /** More non-Latin letters than this share: another script, Lingua's alphabet rules decide. */
    static final double MAX_NON_LATIN_SHARE = 0.02;

    private final List<String> languages;
    /** Word to the bit set (by index in {@link #languages}) of the languages that list it. */
    private final Map<String, Integer> votes;

    private StopwordLanguageVote(List<String> languages, Map<String, Integer> votes) {
        this.languages = languages;
        this.votes = votes;
    }

    /** The vote over those of {@code candidates} (ISO 639-1) the resource has lists for. */
    static StopwordLanguageVote forCandidates(Collection<String> candidates) {
        List<String> lines = ClasspathLines.read(StopwordLanguageVote.class, RESOURCE).orElseThrow(
                () -> new IllegalStateException("language stop words resource not found: " + RESOURCE));
        return parse(lines, candidates);
    }

    static StopwordLanguageVote parse(List<String> lines, Collection<String> candidates) {
        Set<String> wanted = Set.copyOf(candidates.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList());
        List<String> languages = new ArrayList<>();
        Map<String, Integer> votes = new HashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            int colon = line.indexOf(':');
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (colon <= 0) {
                throw new IllegalArgumentException(RESOURCE + ": not 'iso: words': " + line);
            }
            String iso = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (!wanted.contains(iso)) {
                continue;
            }
            if (languages.size() == Integer.SIZE) {
                throw new IllegalArgumentException(RESOURCE + ": more than " + Integer.SIZE + " languages");
            }
            int bit = 1 << languages.size();
            languages.add(iso);
            for (String word : line.substring(colon + 1).strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    votes.merge(word.toLowerCase(Locale.ROOT), bit, (a, b) -> a | b);
                }
            }
        }
        return new StopwordLanguageVote(List.copyOf(languages), Map.copyOf(votes));
    }

    List<String> languages() {
        return languages;
    }

    /** The language of the sample when the vote is clear; empty when Lingua should decide. */
    Optional<Result> decide(String sample) {
        if (languages.size() < 2) {
            return Optional.empty(); // nothing to choose between
        }
        int[] counts = new int[languages.size()];
        int words = 0;
        int latinLetters = 0;
        int otherLetters = 0;
        StringBuilder word = new StringBuilder(24);
        int n = sample.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? sample.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                if (isLatin(c)) {
                    latinLetters++;
                } else {
                    otherLetters++;
                }
                word.append(Character.toLowerCase(c));
            } else if (word.length() > 0) {
                words++;
                Integer voters = votes.get(word.toString());
                if (voters != null) {
                    for (int bits = voters; bits != 0; bits &= bits - 1) {
                        counts[Integer.numberOfTrailingZeros(bits)]++;
                    }
                }
                word.setLength(0);
            }
        }
        if (otherLetters > MAX_NON_LATIN_SHARE * (latinLetters + otherLetters)) {
            return Optional.empty();
        }
        int best = -1;
        int bestVotes = 0;
        int secondVotes = 0;
        for (int l = 0; l < counts.length; l++) {
            if (counts[l] > bestVotes) {
                secondVotes = bestVotes;
                bestVotes = counts[l];
                best = l;
            } else if (counts[l] > secondVotes) {
                secondVotes = counts[l];
            }
        }
        if (best < 0 || bestVotes < MIN_VOTES || bestVotes < MIN_SHARE_OF_WORDS * words || bestVotes < MIN_LEAD * secondVotes) {
            return Optional.empty();
        }
        return Optional.of(new Result(languages.get(best), 1.0 - secondVotes / (double) bestVotes));
    }

    /** Basic Latin through Latin Extended-B, IPA, and Latin Extended Additional (Vietnamese, Welsh ...). */
    private static boolean isLatin(char c) {
        return c < '\u02B0' || c >= '\u1E00' && c <= '\u1EFF';
    }
}
