package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.EntityTypes;
import io.newsflow.enrich.pipeline.entities.EntityFeatures;
import io.newsflow.enrich.pipeline.entities.EntityLexicon;
import io.newsflow.enrich.pipeline.entities.EntityTagger;
import io.newsflow.enrich.pipeline.entities.WordClasses;

/**
 * Named entities of the clean text. Per paragraph: the gazetteer finds known names (countries with ISO 3166
 * codes, aliases and demonyms; places; organisations), a trained tagger ({@link EntityTagger}) marks person,
 * organisation and location names, and names the tagger marks that the gazetteer knows take the gazetteer's
 * canonical form. Runs of capitalised words the tagger leaves out are still kept when a rule types them: an
 * organisation or place suffix ("... Council", "... Strait") or a person title before a full name. A later
 * surname alone ("Kishida") counts as a mention of the full name.
 */
public final class EntityExtractor implements EnrichmentStage {

    public static final String NAME = "entities";

    private static final int MAX_NAME_TOKENS = 4;
    /**
     * A one-word person name that is no full name's surname is kept only when mentioned this often: once alone it
     * is mostly a stray capitalised word (cross-validated on GUM's training part).
     */
    private static final int MIN_LONE_SURNAME_MENTIONS = 2;

    /** A capitalised non-name word that still begins many names ("New York City"): see {@link #notNameLead}. */
    private static final String NAME_OPENER = "New";

    private final Gazetteer gazetteer;
    private final EntityTagger tagger;
    private final int maxEntities;

    public EntityExtractor(Gazetteer gazetteer, EntityTagger tagger, int maxEntities) {
        this.gazetteer = gazetteer;
        this.tagger = tagger;
        this.maxEntities = maxEntities;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        // the paragraphs of title + blank line + text, without re-splitting the text the draft holds split already
        List<String> paragraphs = draft.title() == null ? draft.paragraphs() : new ArrayList<>(TextBlocks.paragraphs(draft.title()));
        if (draft.title() != null) {
            paragraphs.addAll(draft.paragraphs());
        }
        draft.entities(extract(paragraphs));
    }

    private static final class Tally {
        final String type;
        final String name;
        final String id;
        int mentions;

        Tally(String type, String name, String id) {
            this.type = type;
            this.name = name;
            this.id = id;
        }
    }

    /** Votes of a tagged name's mentions for each type; the name takes the type most of its mentions have. */
    private static final class Votes {
        final int[] byType = new int[TAGGED_TYPES.size()];

        int total() {
            int n = 0;
            for (int v : byType) {
                n += v;
            }
            return n;
        }

        String type() {
            int best = 0;
            for (int t = 1; t < byType.length; t++) {
                if (byType[t] > byType[best]) {
                    best = t;
                }
            }
            return TAGGED_TYPES.get(best);
        }
    }

    /**
     * Types of known names that count when a longer tagged name contains them. Places were added in session 9:
     * 2-fold cross-validation on GUM's training part F1 0.641 → 0.648 (mean of four shuffle seeds, better on each);
     * organisations inside longer names ("Google" in "Google Science Fair") gained nothing and stay out.
     */
    private static final java.util.Set<String> NESTED_TYPES = java.util.Set.of(EntityTypes.COUNTRY, EntityTypes.LOCATION);

    private static final List<String> TAGGED_TYPES = List.of(EntityTypes.PERSON, EntityTypes.ORG, EntityTypes.LOCATION);

    /** Entities of a text, most mentioned first. */
    public List<EntityMention> extract(String text) {
        return extract(TextBlocks.paragraphs(text));
    }

    /** Entities of a text given as its paragraphs ({@link TextBlocks#paragraphs}), most mentioned first. */
    public List<EntityMention> extract(List<String> paragraphs) {
        Map<String, Tally> found = new LinkedHashMap<>();
        Map<String, Votes> names = new LinkedHashMap<>();
        List<String> singles = new ArrayList<>();
        EntityFeatures.WordMemo words = new EntityFeatures.WordMemo();
        for (String paragraph : paragraphs) {
            scan(paragraph, found, names, singles, words);
        }
        Map<String, String> fullNameBySurname = new HashMap<>();
        names.forEach((name, votes) -> {
            int space = name.lastIndexOf(' ');
            if (space > 0 && EntityTypes.PERSON.equals(votes.type())) {
                fullNameBySurname.putIfAbsent(name.substring(space + 1), name);
            }
        });
        Map<String, Integer> alone = new LinkedHashMap<>();
        for (String single : singles) {
            String full = fullNameBySurname.get(single);
            if (full != null) {
                vote(names, full, EntityTypes.PERSON);
            } else {
                alone.merge(single, 1, Integer::sum);
            }
        }
        alone.forEach((single, n) -> {
            if (n >= MIN_LONE_SURNAME_MENTIONS) {
                for (int k = 0; k < n; k++) {
                    vote(names, single, EntityTypes.PERSON);
                }
            }
        });
        names.forEach((name, votes) -> {
            String type = votes.type();
            found.computeIfAbsent(type + "|" + name, k -> new Tally(type, name, null)).mentions += votes.total();
        });
        return found.values().stream()
                .sorted(Comparator.comparingInt((Tally t) -> -t.mentions))
                .limit(maxEntities)
                .map(t -> new EntityMention(t.type, t.name, t.id, t.mentions))
                .toList();
    }

    private static void vote(Map<String, Votes> names, String name, String type) {
        names.computeIfAbsent(name, k -> new Votes()).byType[TAGGED_TYPES.indexOf(type)]++;
    }

    private void scan(String paragraph, Map<String, Tally> found, Map<String, Votes> names, List<String> singles,
            EntityFeatures.WordMemo words) {
        List<EntityTokenizer.Token> tokens = EntityTokenizer.tokens(paragraph);
        Gazetteer.Match[] known = gazetteer.longestMatches(tokens);
        int[] labels = tagger.labels(tagger.features(tokens, known, words));
        int[] matchStart = new int[tokens.size()];
        java.util.Arrays.fill(matchStart, -1);
        for (int i = 0; i < known.length; i++) {
            if (known[i] != null) {
                java.util.Arrays.fill(matchStart, i, i + known[i].length(), i);
            }
        }
        boolean[] covered = new boolean[tokens.size()];
        boolean[] confirmed = new boolean[tokens.size()];
        for (EntityTagger.Span span : EntityTagger.spans(labels)) {
            span = withoutLeadingPlace(span, known, tokens);
            int overlap = overlappingMatch(span, matchStart);
            if (overlap >= 0) {
                confirmed[overlap] = true; // the known name wins over a tagged part of it or a tagged overlap
                continue;
            }
            java.util.Arrays.fill(covered, span.start(), span.end(), true);
            if (!EntityTypes.ORG.equals(span.type()) && placeFollows(tokens, known, span.end())) {
                span = new EntityTagger.Span(span.start(), span.end(), EntityTypes.LOCATION); // "Irving, Texas"
            }
            tagged(paragraph, tokens, span, names, singles);
        }
        for (int i = 0; i < tokens.size(); i++) {
            Gazetteer.Match m = known[i];
            if (m == null) {
                continue;
            }
            // a known country or place inside a longer tagged name still counts ("the United States Navy", "University
            // of Connecticut"); organisations only alone
            boolean counts = covered[i] ? NESTED_TYPES.contains(m.entry().type())
                    : confirmed[i] || !startsLongerName(tokens, i, m);
            if (counts) {
                count(found, m.entry());
            }
        }
        ruleFallback(tokens, covered, matchStart, known, found);
    }

    /** Words that may follow "Town, State" when the state closes the place ("in Irving, Texas and Dallas"). */
    private static final java.util.Set<String> AFTER_PLACE = java.util.Set.of("and", "or", "in", "on", "at", "to",
            "for", "from", "with", "where", "which", "who", "has", "have", "had", "is", "was", "were", "are");

    /**
     * Whether a name ending before token i is followed by ", State" or ", Country" that closes the clause: the
     * name is a town there ("Irving, Texas", "Chapel Hill, North Carolina"). The state must be written as its
     * name, not as a demonym ("Merkel, German chancellor"), and be followed by punctuation, the end or a
     * function word, not by a noun ("Romney, Massachusetts governor"). Cross-validated on GUM's training part:
     * F1 0.696 -> 0.704 (mean of four shuffle seeds, better on each).
     */
    private static boolean placeFollows(List<EntityTokenizer.Token> tokens, Gazetteer.Match[] known, int i) {
        if (i + 1 >= tokens.size() || !",".equals(tokens.get(i).text())) {
            return false;
        }
        Gazetteer.Match m = known[i + 1];
        if (m == null || EntityTypes.ORG.equals(m.entry().type()) || EntityTypes.PERSON.equals(m.entry().type())) {
            return false;
        }
        int after = i + 1 + m.length();
        StringBuilder written = new StringBuilder();
        for (int k = i + 1; k < after; k++) {
            written.append(k > i + 1 ? " " : "").append(tokens.get(k).text());
        }
        if (!written.toString().equals(m.entry().name()) && !EntityTypes.LOCATION.equals(m.entry().type())) {
            return false; // a country only by its name: "German", "American" are demonyms
        }
        if (after >= tokens.size()) {
            return true;
        }
        EntityTokenizer.Token next = tokens.get(after);
        return !next.isWord() && !next.text().startsWith("'") && !next.text().startsWith("’")
                || AFTER_PLACE.contains(next.text());
    }

    /**
     * A span that starts with a known country or place followed by at least two words no dictionary writes in
     * lower case is that place and a person ("United States Shigeo Yamada"; but "United States Navy" stays whole):
     * the place is counted by the gazetteer pass, the span keeps the person.
     */
    private EntityTagger.Span withoutLeadingPlace(EntityTagger.Span span, Gazetteer.Match[] known,
            List<EntityTokenizer.Token> tokens) {
        Gazetteer.Match m = known[span.start()];
        int rest = span.start() + (m == null ? 0 : m.length());
        if (m == null || span.end() - rest < 2 || EntityTypes.ORG.equals(m.entry().type())) {
            return span;
        }
        for (int k = rest; k < span.end(); k++) {
            EntityTokenizer.Token t = tokens.get(k);
            if (!t.isWord() || !t.capitalized() || (tagger.words().classOf(t.text()) & WordClasses.LOWER) != 0
                    || EntityLexicon.wordClass(t.text()) != EntityLexicon.NONE) {
                return span;
            }
        }
        return new EntityTagger.Span(rest, span.end(), EntityTypes.PERSON);
    }

    /** Start of a gazetteer match the span overlaps without strictly containing it, or -1. */
    private static int overlappingMatch(EntityTagger.Span span, int[] matchStart) {
        for (int k = span.start(); k < span.end(); k++) {
            int start = matchStart[k];
            if (start >= 0) {
                int end = start;
                while (end < matchStart.length && matchStart[end] == start) {
                    end++;
                }
                boolean strictlyInside = span.start() <= start && end <= span.end() && end - start < span.end() - span.start();
                if (!strictlyInside) {
                    return start;
                }
            }
        }
        return -1;
    }

    /** A one-word gazetteer name that merely starts a longer capitalised name ("Washington Post") is not it. */
    private static boolean startsLongerName(List<EntityTokenizer.Token> tokens, int i, Gazetteer.Match m) {
        return m.length() == 1 && i + 1 < tokens.size() && !EntityTypes.COUNTRY.equals(m.entry().type())
                && continuesName(tokens.get(i + 1));
    }

    private void tagged(String paragraph, List<EntityTokenizer.Token> tokens, EntityTagger.Span span,
            Map<String, Votes> names, List<String> singles) {
        int start = span.start();
        int end = span.end();
        String type = span.type();
        while (start < end && (!tokens.get(start).isWord() || notNameLead(tokens.get(start), end - start)
                || EntityTypes.PERSON.equals(type) && end - start > 1
                        && EntityLexicon.PERSON_TITLES.contains(tokens.get(start).text()))) {
            start++;
        }
        if (EntityTypes.PERSON.equals(type)) {
            for (int k = end - 2; k >= start; k--) {
                if (EntityLexicon.PERSON_TITLES.contains(tokens.get(k).text())) {
                    start = k + 1; // "Environment Minister John Baird", "U.S. President Donald Trump"
                    break;
                }
            }
        }
        for (int k = start + 1; k < end; k++) {
            if (EntityLexicon.NOT_NAMES.contains(tokens.get(k).text())) {
                end = k; // "Virginia Saturday", "Ahmed Mohamed Image": a name does not run into a date or caption word
            }
        }
        while (end > start && !tokens.get(end - 1).isWord() && !tokens.get(end - 1).text().equals(".")) {
            end--;
        }
        if (start >= end || onlyTitles(tokens, start, end)
                || EntityTypes.PERSON.equals(type) && isTitleOrOffice(tokens.get(end - 1).text())) {
            return; // "Afghan Ambassador", "Flight CEO": a person's name does not end in a title (cross-validated on
                    // GUM's training part: F1 0.695 -> 0.696, precision only, better on each of four shuffle seeds)
        }
        String headType = end - start > 1 ? headType(tokens.get(end - 2).text(), tokens.get(end - 1).text()) : null;
        int of = personOfOrganisation(tokens, start, end, headType);
        if (of > 0) {
            vote(names, paragraph.substring(tokens.get(start).start(), tokens.get(of - 1).end()), EntityTypes.PERSON);
            int org = "the".equalsIgnoreCase(tokens.get(of + 1).text()) && of + 2 < end ? of + 2 : of + 1;
            vote(names, paragraph.substring(tokens.get(org).start(), tokens.get(end - 1).end()), EntityTypes.ORG);
            return;
        }
        if (headType != null) {
            type = headType;
        }
        String name = paragraph.substring(tokens.get(start).start(), tokens.get(end - 1).end());
        if (EntityTypes.PERSON.equals(type) && end - start == 1) {
            singles.add(name);
            return;
        }
        vote(names, name, type);
    }

    /**
     * Whether a tagged span's first word is a capitalised non-name to drop ("The", "In", "Monday"), except "New"
     * before more of the name: it begins many place and party names ("New York City", "New Territories West",
     * "New People's Party"), which lost it before (2-fold cross-validation on GUM's training part: F1 0.634 → 0.639,
     * mean of four shuffle seeds, better on each).
     */
    private static boolean notNameLead(EntityTokenizer.Token first, int spanLength) {
        return EntityLexicon.NOT_NAMES.contains(first.text()) && !(spanLength > 1 && NAME_OPENER.equals(first.text()));
    }

    /** "President", "Attorney General", "Secretary of State": an office, not a name. */
    private static boolean onlyTitles(List<EntityTokenizer.Token> tokens, int start, int end) {
        for (int k = start; k < end; k++) {
            String w = tokens.get(k).text();
            if (!isTitleOrOffice(w) && !EntityLexicon.CONNECTORS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTitleOrOffice(String w) {
        return EntityLexicon.PERSON_TITLES.contains(w) || EntityLexicon.OFFICE_WORDS.contains(w);
    }

    /**
     * Runs of capitalised words the tagger left untagged: kept when a suffix makes them an organisation or a
     * place, or when a person title precedes a full name. No run starts or goes on inside a known name (it used to,
     * after a known name's first token: "New York City" also gave "York City"; cross-validated F1 0.639 → 0.641).
     */
    private void ruleFallback(List<EntityTokenizer.Token> tokens, boolean[] covered, int[] matchStart,
            Gazetteer.Match[] known, Map<String, Tally> found) {
        int i = 0;
        while (i < tokens.size()) {
            EntityTokenizer.Token tok = tokens.get(i);
            if (covered[i] || matchStart[i] >= 0 || !tok.isWord() || !tok.capitalized()
                    || EntityLexicon.NOT_NAMES.contains(tok.text())) {
                i++;
                continue;
            }
            int end = runEnd(tokens, covered, matchStart, i);
            List<String> words = tokens.subList(i, end).stream().map(EntityTokenizer.Token::text).toList();
            if (end - i <= MAX_NAME_TOKENS && placeFollows(tokens, known, end)
                    && tokens.subList(i, end).stream().allMatch(t -> t.isWord() && nameLike(t.text()))) {
                add(found, EntityTypes.LOCATION, String.join(" ", words));
            } else {
                classify(words, found);
            }
            i = end;
        }
    }

    private static boolean continuesName(EntityTokenizer.Token t) {
        return t.isWord() && t.capitalized() && !EntityLexicon.NOT_NAMES.contains(t.text());
    }

    /** End (exclusive) of an untagged run of capitalised words, allowing "of"-style connectors between them. */
    private static int runEnd(List<EntityTokenizer.Token> tokens, boolean[] covered, int[] matchStart, int start) {
        int end = start + 1;
        while (end < tokens.size() && !covered[end] && matchStart[end] < 0) {
            EntityTokenizer.Token t = tokens.get(end);
            if (t.isWord() && t.capitalized() && !t.sentenceStart()) {
                end++;
            } else if (".".equals(t.text()) && EntityTokenizer.ABBREVIATIONS.contains(tokens.get(end - 1).text())
                    && end + 1 < tokens.size() && tokens.get(end + 1).capitalized()) {
                end++;
            } else if (EntityLexicon.CONNECTORS.contains(t.text()) && end + 1 < tokens.size()
                    && tokens.get(end + 1).isWord() && tokens.get(end + 1).capitalized() && !covered[end + 1]) {
                end += 2;
            } else {
                break;
            }
        }
        return end;
    }

    private static void classify(List<String> run, Map<String, Tally> found) {
        List<String> words = new ArrayList<>(run);
        words.removeIf("."::equals);
        while (!words.isEmpty() && EntityLexicon.CONNECTORS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        if (words.isEmpty()) {
            return;
        }
        String headType = words.size() >= 2 ? headType(words.get(words.size() - 2), words.get(words.size() - 1)) : null;
        if (headType != null) {
            add(found, headType, String.join(" ", words));
            return;
        }
        int lastTitle = -1;
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k).replace(".", "");
            if (EntityLexicon.PERSON_TITLES.contains(w)) {
                lastTitle = k;
            } else if (!EntityLexicon.OFFICE_WORDS.contains(w) && !EntityLexicon.CONNECTORS.contains(w)) {
                break;
            } else if (lastTitle >= 0) {
                lastTitle = k;
            }
        }
        if (lastTitle < 0) {
            return;
        }
        List<String> name = words.subList(lastTitle + 1, words.size());
        if (name.size() >= 2 && name.size() <= MAX_NAME_TOKENS && name.stream().allMatch(EntityExtractor::nameLike)) {
            add(found, EntityTypes.PERSON, String.join(" ", name));
        }
    }

    /**
     * Index of the "of" in a span that runs from a person's name into an organisation's ("Alvin Yeung of Civic
     * Party", "Jann Wenner of Rolling Stone Magazine"), or -1: before it two or three name-like words with no head
     * word ("Bank of England", "Museum of Flight" stay whole), after it a name an organisation suffix ends.
     */
    private static int personOfOrganisation(List<EntityTokenizer.Token> tokens, int start, int end, String headType) {
        if (!EntityTypes.ORG.equals(headType)) {
            return -1;
        }
        for (int of = start + 2; of <= start + 3 && of < end - 1; of++) {
            if ("of".equals(tokens.get(of).text())) {
                for (int k = start; k < of; k++) {
                    String w = tokens.get(k).text();
                    if (!tokens.get(k).isWord() || !nameLike(w) || headType(null, w) != null) {
                        return -1;
                    }
                }
                return of;
            }
        }
        return -1;
    }

    /**
     * The type a name's last word fixes, or null: a facility ("... Museum", "... Center") or other place suffix
     * makes a LOCATION, an organisation suffix ("... Council") an ORG. A centre named for the work done there
     * ("Pew Research Center", "... Policy Centre") is an organisation, not a site.
     */
    private static String headType(String beforeLast, String last) {
        if (beforeLast != null && EntityLexicon.INSTITUTE_WORDS.contains(beforeLast) && EntityLexicon.ORG_HEADS.contains(last)) {
            return EntityTypes.ORG;
        }
        if (EntityLexicon.FACILITY_HEADS.contains(last) || EntityLexicon.LOCATION_HEADS.contains(last)) {
            return EntityTypes.LOCATION;
        }
        return EntityLexicon.ORG_HEADS.contains(last) ? EntityTypes.ORG : null;
    }

    private static boolean nameLike(String w) {
        if (w.length() == 2 && w.endsWith(".")) {
            return true; // an initial
        }
        return w.length() > 1 && Character.isUpperCase(w.charAt(0)) && w.chars().skip(1).anyMatch(Character::isLowerCase)
                && EntityLexicon.wordClass(w) == EntityLexicon.NONE;
    }

    private static void count(Map<String, Tally> found, Gazetteer.Entry entry) {
        found.computeIfAbsent(entry.type() + "|" + entry.name(), k -> new Tally(entry.type(), entry.name(),
                entry.canonicalId())).mentions++;
    }

    private static void add(Map<String, Tally> found, String type, String name) {
        found.computeIfAbsent(type + "|" + name, k -> new Tally(type, name, null)).mentions++;
    }
}
