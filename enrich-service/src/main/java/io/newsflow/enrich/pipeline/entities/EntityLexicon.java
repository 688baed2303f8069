package io.newsflow.enrich.pipeline.entities;

import java.util.Set;

/** Hand-written word classes that entity rules and tagger features share. */
public final class EntityLexicon {

    public static final Set<String> ORG_HEADS = Set.of("Agency", "Administration", "Airlines", "Airways", "Army",
            "Assembly", "Association", "Authority", "Bank", "Board", "Bureau", "Cabinet", "Center", "Centre", "Club",
            "Coalition", "College", "Command", "Commission", "Committee", "Company", "Conference", "Congress", "Corp",
            "Corporation", "Corps", "Council", "Court", "Department", "Federation", "Force", "Forces", "Foundation",
            "Front", "Group", "Guard", "Inc", "Industries", "Institute", "Institution", "League", "Ltd", "Magazine",
            "Ministry", "Movement", "Navy", "Network", "News", "Newspaper", "Office", "Organisation", "Organization",
            "Parliament", "Party", "Police", "Post", "Press", "Railways", "Recognition", "Republicans", "Democrats",
            "School", "Senate", "Service", "Services", "Society", "Systems", "Team", "Technologies", "Times", "Tribune",
            "Union", "University", "Journal", "Herald", "Radio", "Television", "TV", "Studios", "Records", "Motors",
            "Agentur", "Partei", "Ministerium", "Verband", "Gruppe", "Bundesamt", "Zeitung", "GmbH", "AG", "SA");
    public static final Set<String> LOCATION_HEADS = Set.of("Sea", "Strait", "Straits", "Island", "Islands",
            "Peninsula", "Ocean", "River", "Mountains", "Mountain", "Lake", "Gulf", "Bay", "Province", "Prefecture",
            "County", "Region", "Valley", "Desert", "Coast", "Canal", "Street", "Square", "Airport", "City", "District",
            "Park", "Bridge", "Base", "Hills", "Harbor", "Harbour", "Channel", "Territory", "Territories", "Village");
    /**
     * Last words of facility names: a named building or site is a place ("Kennedy Space Center", "Adler Planetarium",
     * "Shandao Station"), as GUM annotates it. They win over {@link #ORG_HEADS} ("Center" is in both: a research
     * centre is an organisation, but most named centres in news are sites) when they fix a name's type; the tagger's
     * word-class feature still sees "Center" as an organisation head (the model was trained so). Chosen on GUM's
     * training-part cross-validation (session 10: F1 0.669 → 0.690, mean of four shuffle seeds, better on each).
     */
    public static final Set<String> FACILITY_HEADS = Set.of("Center", "Centre", "Museum", "Hall", "Station",
            "Memorial", "Planetarium", "Tower", "Towers", "Stadium", "Arena", "Hospital", "Library", "Gallery",
            "Theatre", "Theater", "Temple", "Cathedral", "Palace", "Castle", "Complex");
    /**
     * Words for the work an institution does: before a facility head that is also an organisation head ("Pew
     * Research Center", "Cato Policy Centre") they make the name an organisation. GUM's Wikinews documents have
     * no such name (its centres are sites: "Kennedy Space Center"), so this is a product rule, neutral there.
     */
    public static final Set<String> INSTITUTE_WORDS = Set.of("Research", "Policy", "Studies", "Study", "Information",
            "Rights", "Resource", "Resources", "Analysis", "Innovation", "Development", "Monitoring", "Prevention");
    public static final Set<String> PERSON_TITLES = Set.of("President", "Vice", "Prime", "Minister", "Secretary",
            "Chancellor", "Premier", "Governor", "Gov", "Senator", "Sen", "Rep", "Representative", "Mayor", "King",
            "Queen", "Prince", "Princess", "Pope", "General", "Gen", "Admiral", "Adm", "Colonel", "Col", "Captain",
            "Capt", "Lieutenant", "Lt", "Sergeant", "Sgt", "Commander", "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof",
            "Professor", "Sir", "Dame", "Lord", "Lady", "Judge", "Justice", "Ambassador", "Chairman", "Chairwoman",
            "Chair", "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Defense", "Defence", "Foreign", "Chief",
            "Deputy", "Former", "Editor", "Reporter", "Coach", "Bishop", "Rev", "Father", "Saint", "St", "CEO",
            "Herr", "Frau", "Bundeskanzler", "Bundeskanzlerin", "Präsident", "Präsidentin", "Monsieur", "Madame");
    /** Capitalised words that start sentences or headings but are not names. */
    public static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "This", "That", "These", "Those", "It",
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
    public static final Set<String> CONNECTORS = Set.of("of", "for", "de", "del", "della", "von", "van", "der", "al",
            "bin", "la", "le", "du", "des");
    /** Words of office names between a title and a name ("Secretary of State Antony Blinken"). */
    public static final Set<String> OFFICE_WORDS = Set.of("State", "Affairs", "Security", "Finance", "Treasury",
            "Justice", "Interior", "Health", "Trade", "Economy", "Education", "Energy", "Commerce", "Homeland", "Staff",
            "Joint", "Cabinet", "Defense", "Defence", "Foreign", "General", "National", "Senior", "Assistant", "Acting",
            "Executive", "Head", "Leader", "Opposition", "Party", "Army", "Air", "Naval", "Military");

    /** Word classes as small integers, for features. */
    public static final int NONE = 0;
    public static final int TITLE = 1;
    public static final int ORG_HEAD = 2;
    public static final int LOCATION_HEAD = 3;
    public static final int NOT_NAME = 4;
    public static final int CONNECTOR = 5;
    public static final int OFFICE = 6;

    private EntityLexicon() {
    }

    /** Every listed word with its class, in the order of precedence above (a title before an office word). */
    private static final java.util.Map<String, Integer> CLASS_OF = classes();

    private static java.util.Map<String, Integer> classes() {
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        OFFICE_WORDS.forEach(w -> m.put(w, OFFICE));
        CONNECTORS.forEach(w -> m.put(w, CONNECTOR));
        NOT_NAMES.forEach(w -> m.put(w, NOT_NAME));
        LOCATION_HEADS.forEach(w -> m.put(w, LOCATION_HEAD));
        ORG_HEADS.forEach(w -> m.put(w, ORG_HEAD));
        PERSON_TITLES.forEach(w -> m.put(w, TITLE));
        return java.util.Map.copyOf(m);
    }

    public static int wordClass(String w) {
        return CLASS_OF.getOrDefault(w, NONE);
    }
}
