package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.EntityTypes;

/**
 * Named entities of the clean text, without a statistical model: a gazetteer of countries (ISO 3166 codes,
 * aliases, demonyms), places and organisations, then rules for runs of capitalised words: an organisation
 * or place suffix ("... Council", "... Strait"), a person title before a name ("Prime Minister Fumio Kishida"),
 * or a two-to-four word name. A later surname alone ("Kishida") counts as a mention of the full name.
 */
public final class EntityExtractor implements EnrichmentStage {

    public static final String NAME = "entities";

    private static final Set<String> ORG_HEADS = Set.of("Agency", "Administration", "Airlines", "Airways", "Army",
            "Assembly", "Association", "Authority", "Bank", "Board", "Bureau", "Cabinet", "Center", "Centre", "Club",
            "Coalition", "College", "Command", "Commission", "Committee", "Company", "Conference", "Congress", "Corp",
            "Corporation", "Corps", "Council", "Court", "Department", "Federation", "Force", "Forces", "Foundation",
            "Front", "Group", "Guard", "Inc", "Industries", "Institute", "Institution", "League", "Ltd", "Magazine",
            "Ministry", "Movement", "Navy", "Network", "News", "Newspaper", "Office", "Organisation", "Organization",
            "Parliament", "Party", "Police", "Post", "Press", "Railways", "Recognition", "Republicans", "Democrats",
            "School", "Senate", "Service", "Services", "Society", "Systems", "Team", "Technologies", "Times", "Tribune",
            "Union", "University", "Journal", "Herald", "Radio", "Television", "TV", "Studios", "Records", "Motors",
            "Agentur", "Partei", "Ministerium", "Verband", "Gruppe", "Bundesamt", "Zeitung", "GmbH", "AG", "SA");
    private static final Set<String> LOCATION_HEADS = Set.of("Sea", "Strait", "Straits", "Island", "Islands",
            "Peninsula", "Ocean", "River", "Mountains", "Mountain", "Lake", "Gulf", "Bay", "Province", "Prefecture",
            "County", "Region", "Valley", "Desert", "Coast", "Canal", "Street", "Square", "Airport", "City", "District",
            "Park", "Bridge", "Base", "Hills", "Harbor", "Harbour", "Channel", "Territory", "Territories", "Village");
    private static final Set<String> PERSON_TITLES = Set.of("President", "Vice", "Prime", "Minister", "Secretary",
            "Chancellor", "Premier", "Governor", "Gov", "Senator", "Sen", "Rep", "Representative", "Mayor", "King",
            "Queen", "Prince", "Princess", "Pope", "General", "Gen", "Admiral", "Adm", "Colonel", "Col", "Captain",
            "Capt", "Lieutenant", "Lt", "Sergeant", "Sgt", "Commander", "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof",
            "Professor", "Sir", "Dame", "Lord", "Lady", "Judge", "Justice", "Ambassador", "Chairman", "Chairwoman",
            "Chair", "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Defense", "Defence", "Foreign", "Chief",
            "Deputy", "Former", "Editor", "Reporter", "Coach", "Bishop", "Rev", "Father", "Saint", "St", "CEO",
            "Herr", "Frau", "Bundeskanzler", "Bundeskanzlerin", "Präsident", "Präsidentin", "Monsieur", "Madame");
    /** Capitalised words that start sentences or headings but are not names. */
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "This", "That", "These", "Those", "It",
            "Its", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "In", "On", "At",
            "For", "From", "With", "By", "Of", "To", "As", "And", "But", "Or", "If", "When", "While", "After", "Before",
            "Since", "Although", "Though", "However", "Meanwhile", "Also", "Yet", "So", "Then", "There", "Here", "What",
            "Who", "Why", "How", "Where", "Which", "According", "Under", "Over", "About", "During", "Despite", "Amid",
            "Among", "Between", "Both", "Each", "Every", "All", "Some", "Many", "Most", "More", "No", "Not", "One",
            "Two", "Three", "First", "Last", "Next", "New", "Other", "Such", "Monday", "Tuesday", "Wednesday", "Thursday",
            "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Jan", "Feb",
            "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Image", "Photo", "Video", "Read",
            "Share", "Click", "Subscribe", "Advertisement", "Copyright", "Updated", "Published", "Posted", "Today",
            "Yesterday", "Tomorrow", "Der", "Die", "Das", "Ein", "Eine", "Le", "La", "Les", "Un", "Une", "Mr", "Mrs",
            "Ms", "Dr", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Will", "Would", "Can", "Could", "Should", "Has",
            "Have", "Had", "Let", "Now", "Just", "Even", "Still", "Only", "Once", "Because", "Whether", "Unlike",
            "Like", "Instead", "Without", "Within", "Through", "Against", "Following", "Including", "Asked", "Said");
    private static final Set<String> CONNECTORS = Set.of("of", "for", "de", "del", "della", "von", "van", "der", "al",
            "bin", "la", "le", "du", "des");
    /** Words of office names between a title and a name ("Secretary of State Antony Blinken"). */
    private static final Set<String> OFFICE_WORDS = Set.of("State", "Affairs", "Security", "Finance", "Treasury",
            "Justice", "Interior", "Health", "Trade", "Economy", "Education", "Energy", "Commerce", "Homeland", "Staff",
            "Joint", "Cabinet", "Defense", "Defence", "Foreign", "General", "National", "Senior", "Assistant", "Acting",
            "Executive", "Head", "Leader", "Opposition", "Party", "Army", "Air", "Naval", "Military");
    /** Acronyms that are not organisations. */
    private static final Set<String> NOT_ORG_ACRONYMS = Set.of("AI", "TV", "CEO", "GDP", "COVID", "PM", "AM", "OK", "ID",
            "PC", "DNA", "HIV", "AIDS", "UTC", "GMT", "USD", "EUR", "FAQ", "PDF", "II", "III", "IV", "VI", "CNBC", "A", "I");
    private static final int MIN_ACRONYM = 2;
    private static final int MAX_ACRONYM = 6;
    private static final int MAX_NAME_TOKENS = 4;

    private final Gazetteer gazetteer;
    private final int maxEntities;

    public EntityExtractor(Gazetteer gazetteer, int maxEntities) {
        this.gazetteer = gazetteer;
        this.maxEntities = maxEntities;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        draft.entities(extract(draft.title() == null ? draft.text() : draft.title() + "\n\n" + draft.text()));
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

    /** Entities of a text, most mentioned first. */
    public List<EntityMention> extract(String text) {
        Map<String, Tally> found = new LinkedHashMap<>();
        List<String> singles = new ArrayList<>();
        for (String paragraph : TextBlocks.paragraphs(text)) {
            scan(EntityTokenizer.tokens(paragraph), found, singles);
        }
        Map<String, Tally> bySurname = new HashMap<>();
        for (Tally t : found.values()) {
            if (EntityTypes.PERSON.equals(t.type)) {
                String[] parts = t.name.split(" ");
                bySurname.putIfAbsent(parts[parts.length - 1], t);
            }
        }
        for (String single : singles) {
            Tally person = bySurname.get(single);
            if (person != null) {
                person.mentions++;
            }
        }
        return found.values().stream()
                .sorted(Comparator.comparingInt((Tally t) -> -t.mentions))
                .limit(maxEntities)
                .map(t -> new EntityMention(t.type, t.name, t.id, t.mentions))
                .toList();
    }

    private void scan(List<EntityTokenizer.Token> tokens, Map<String, Tally> found, List<String> singles) {
        int i = 0;
        while (i < tokens.size()) {
            EntityTokenizer.Token tok = tokens.get(i);
            if (!tok.isWord() || !tok.capitalized()) {
                i++;
                continue;
            }
            int matched = matchGazetteer(tokens, i, found);
            if (matched > 0) {
                i += matched;
                continue;
            }
            if (NOT_NAMES.contains(tok.text())) {
                i++; // "While Taipei ...": the name starts after the function word
                continue;
            }
            int end = runEnd(tokens, i);
            List<String> run = new ArrayList<>();
            for (int k = i; k < end; k++) {
                run.add(tokens.get(k).text());
            }
            // a gazetteer name inside the run ("... said Tokyo") ends the run there
            int inner = firstGazetteerStart(tokens, i + 1, end);
            if (inner > 0) {
                run = run.subList(0, inner - i);
                end = inner;
            }
            classify(run, tok.sentenceStart(), found, singles);
            i = end;
        }
    }

    private int matchGazetteer(List<EntityTokenizer.Token> tokens, int i, Map<String, Tally> found) {
        for (int len = Math.min(gazetteer.maxAliasTokens(), tokens.size() - i); len >= 1; len--) {
            StringBuilder key = new StringBuilder();
            for (int k = i; k < i + len; k++) {
                if (k > i) {
                    key.append(' ');
                }
                key.append(tokens.get(k).text());
            }
            Optional<Gazetteer.Entry> e = gazetteer.lookup(key.toString());
            if (e.isEmpty() && len == 1 && isShouted(key.toString())) {
                e = gazetteer.lookup(titleCase(key.toString())); // datelines: "WASHINGTON -"
            }
            if (e.isPresent()) {
                // a longer capitalised name that merely starts with a gazetteer word is something else
                if (len == 1 && i + 1 < tokens.size() && continuesName(tokens.get(i + 1))
                        && !EntityTypes.COUNTRY.equals(e.get().type())) {
                    return 0;
                }
                Gazetteer.Entry entry = e.get();
                found.computeIfAbsent(entry.type() + "|" + entry.name(), k -> new Tally(entry.type(), entry.name(),
                        entry.canonicalId())).mentions++;
                return len;
            }
        }
        return 0;
    }

    private int firstGazetteerStart(List<EntityTokenizer.Token> tokens, int from, int end) {
        for (int k = from; k < end; k++) {
            if (gazetteer.lookup(tokens.get(k).text()).isPresent()
                    && !ORG_HEADS.contains(tokens.get(end - 1).text()) && !LOCATION_HEADS.contains(tokens.get(end - 1).text())) {
                return k;
            }
        }
        return -1;
    }

    private static boolean continuesName(EntityTokenizer.Token t) {
        return t.isWord() && t.capitalized() && !NOT_NAMES.contains(t.text());
    }

    /** End (exclusive) of a run of capitalised words, allowing "of"-style connectors between them. */
    private static int runEnd(List<EntityTokenizer.Token> tokens, int start) {
        int end = start + 1;
        while (end < tokens.size()) {
            EntityTokenizer.Token t = tokens.get(end);
            if (t.isWord() && t.capitalized() && !t.sentenceStart()) {
                end++;
            } else if (".".equals(t.text()) && EntityTokenizer.ABBREVIATIONS.contains(tokens.get(end - 1).text())
                    && end + 1 < tokens.size() && tokens.get(end + 1).capitalized()) {
                end++;
            } else if (CONNECTORS.contains(t.text()) && end + 1 < tokens.size() && tokens.get(end + 1).isWord()
                    && tokens.get(end + 1).capitalized()) {
                end += 2;
            } else {
                break;
            }
        }
        return end;
    }

    private void classify(List<String> run, boolean sentenceStart, Map<String, Tally> found, List<String> singles) {
        List<String> words = new ArrayList<>(run);
        words.removeIf("."::equals);
        while (!words.isEmpty() && NOT_NAMES.contains(words.get(0))) {
            words.remove(0);
            sentenceStart = false;
        }
        while (!words.isEmpty() && CONNECTORS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        if (words.isEmpty()) {
            return;
        }
        String last = words.get(words.size() - 1);
        if (words.size() >= 2 && ORG_HEADS.contains(last)) {
            add(found, EntityTypes.ORG, String.join(" ", words));
            return;
        }
        if (words.size() >= 2 && LOCATION_HEADS.contains(last)) {
            add(found, EntityTypes.LOCATION, String.join(" ", words));
            return;
        }
        boolean titled = false;
        int lastTitle = -1;
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k).replace(".", "");
            if (PERSON_TITLES.contains(w)) {
                lastTitle = k;
                titled = true;
            } else if (!OFFICE_WORDS.contains(w) && !CONNECTORS.contains(w)) {
                break;
            } else if (titled) {
                lastTitle = k;
            }
        }
        if (titled) {
            words = new ArrayList<>(words.subList(lastTitle + 1, words.size()));
        }
        if (words.isEmpty()) {
            return;
        }
        if (words.size() == 1) {
            String w = words.get(0);
            if (isAcronym(w)) {
                add(found, EntityTypes.ORG, w);
            } else {
                singles.add(w); // counts only if it is the surname of a person found in full
            }
            return;
        }
        if (words.size() <= MAX_NAME_TOKENS && words.stream().allMatch(EntityExtractor::nameLike)) {
            add(found, EntityTypes.PERSON, String.join(" ", words));
        }
    }

    private static boolean nameLike(String w) {
        if (w.length() == 2 && w.endsWith(".")) {
            return true; // an initial
        }
        return w.length() > 1 && Character.isUpperCase(w.charAt(0)) && w.chars().skip(1).anyMatch(Character::isLowerCase)
                && !NOT_NAMES.contains(w) && !ORG_HEADS.contains(w) && !LOCATION_HEADS.contains(w);
    }

    private static boolean isShouted(String w) {
        return w.length() > MAX_ACRONYM - 2 && w.chars().allMatch(c -> Character.isUpperCase(c) || !Character.isLetter(c));
    }

    private static String titleCase(String w) {
        return w.charAt(0) + w.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isAcronym(String w) {
        if (w.length() < MIN_ACRONYM || w.length() > MAX_ACRONYM || NOT_ORG_ACRONYMS.contains(w)) {
            return false;
        }
        return w.chars().allMatch(c -> Character.isUpperCase(c));
    }

    private static void add(Map<String, Tally> found, String type, String name) {
        found.computeIfAbsent(type + "|" + name, k -> new Tally(type, name, null)).mentions++;
    }
}
