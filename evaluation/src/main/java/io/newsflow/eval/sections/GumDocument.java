package io.newsflow.eval.sections;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A GUM CoNLL-U document: its plain text (sentences joined, paragraphs and headings separated by blank lines)
 * and its named entities: every entity that has a Wikipedia identity and is a person, organisation or place,
 * with the surface forms of its mentions. Chains with the same type and identity are one entity.
 */
public final class GumDocument {

    /** A gold entity: GUM type, Wikipedia identity, normalised surface forms. */
    record GoldEntity(String type, String identity, Set<String> forms) {
    }

    private static final Set<String> NAMED_TYPES = Set.of("person", "organization", "place");

    final String text;
    final List<GoldEntity> entities;
    /** Normalised forms of annotated named-type entities without an identity: predictions of these are not errors. */
    final Set<String> unlinkedForms;

    /** The document's plain text, as the entity stage sees it. */
    public String text() {
        return text;
    }

    private GumDocument(String text, List<GoldEntity> entities, Set<String> unlinkedForms) {
        this.text = text;
        this.entities = entities;
        this.unlinkedForms = unlinkedForms;
    }

    private static final class Open {
        final String eid;
        final int start;

        Open(String eid, int start) {
            this.eid = eid;
            this.start = start;
        }
    }

    public static GumDocument parse(Path file) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> deprels = new ArrayList<>();
        List<Integer> heads = new ArrayList<>();
        Map<String, String> typeOf = new HashMap<>();
        Map<String, String> identityOf = new HashMap<>();
        Map<String, Set<String>> formsOf = new LinkedHashMap<>();
        GumBrackets brackets = new GumBrackets((f, first, last) -> {
            typeOf.putIfAbsent(f[0], f.length > GumBrackets.TYPE_FIELD ? f[GumBrackets.TYPE_FIELD] : "");
            if (f.length > GumBrackets.IDENTITY_FIELD && !f[GumBrackets.IDENTITY_FIELD].isBlank()) {
                identityOf.putIfAbsent(f[0], f[GumBrackets.IDENTITY_FIELD]);
            }
            addForm(formsOf, f[0], tokens.subList(first, last + 1), tags.subList(first, last + 1));
            if (f.length > GumBrackets.TYPE_FIELD && "person".equals(f[GumBrackets.TYPE_FIELD])) {
                String name = personName(tokens, tags, deprels, heads, first, last);
                if (name != null) {
                    formsOf.computeIfAbsent(f[0], k -> new LinkedHashSet<>()).add(name);
                }
            }
        });
        int sentenceFirst = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("# newpar")) {
                if (line.startsWith("# newpar_block")) {
                    continue;
                }
                if (!paragraph.isEmpty()) {
                    paragraphs.add(paragraph.toString().strip());
                    paragraph.setLength(0);
                }
            } else if (line.startsWith("# text = ")) {
                paragraph.append(line.substring("# text = ".length())).append(' ');
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                String[] cols = line.split("\t");
                if (cols.length < 10 || cols[0].contains("-") || cols[0].contains(".")) {
                    continue;
                }
                int index = tokens.size();
                if ("1".equals(cols[0])) {
                    sentenceFirst = index;
                }
                tokens.add(cols[1]);
                tags.add(cols[4]);
                deprels.add(cols[7]);
                heads.add("0".equals(cols[6]) || "_".equals(cols[6]) ? -1 : sentenceFirst + Integer.parseInt(cols[6]) - 1);
                brackets.token(cols[9], index);
            }
        }
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString().strip());
        }
        // GUM can split one real-world entity into several coreference chains (same identity): one gold entity
        Map<String, Set<String>> formsByIdentity = new LinkedHashMap<>();
        Map<String, String> typeByIdentity = new HashMap<>();
        Set<String> unlinked = new LinkedHashSet<>();
        for (Map.Entry<String, Set<String>> e : formsOf.entrySet()) {
            String type = typeOf.get(e.getKey());
            if (!NAMED_TYPES.contains(type)) {
                continue;
            }
            String identity = identityOf.get(e.getKey());
            if (identity == null) {
                unlinked.addAll(e.getValue());
            } else {
                String key = type + "|" + identity;
                typeByIdentity.put(key, type);
                formsByIdentity.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(e.getValue());
                identityOf.put(key, identity);
            }
        }
        List<GoldEntity> gold = new ArrayList<>();
        formsByIdentity.forEach((key, forms) -> gold.add(new GoldEntity(typeByIdentity.get(key), identityOf.get(key), forms)));
        return new GumDocument(String.join("\n\n", paragraphs), gold, unlinked);
    }

    /**
     * Adds the mention's text and, when it has one, its proper name: the longest run of proper-noun tokens (with
     * "of", "and", "the", "&" or a hyphen inside), so that "Major general Fuad Basya" or "Tom Molomby, SC" is
     * also matched by "Fuad Basya" or "Tom Molomby".
     */
    private static void addForm(Map<String, Set<String>> formsOf, String eid, List<String> span, List<String> tags) {
        String form = normalize(String.join(" ", span));
        if (!form.isEmpty()) {
            formsOf.computeIfAbsent(eid, k -> new LinkedHashSet<>()).add(form);
        }
        int bestStart = -1;
        int bestEnd = -1;
        int k = 0;
        while (k < span.size()) {
            if (!tags.get(k).startsWith("NNP")) {
                k++;
                continue;
            }
            int end = k + 1;
            while (end < span.size() && (tags.get(end).startsWith("NNP") || NAME_INNER.contains(span.get(end))
                    && end + 1 < span.size() && tags.get(end + 1).startsWith("NNP"))) {
                end += tags.get(end).startsWith("NNP") ? 1 : 2;
            }
            if (end - k > bestEnd - bestStart) {
                bestStart = k;
                bestEnd = end;
            }
            k = end;
        }
        if (bestStart >= 0 && bestEnd - bestStart < span.size()) {
            String name = normalize(String.join(" ", span.subList(bestStart, bestEnd)));
            if (!name.isEmpty()) {
                formsOf.computeIfAbsent(eid, x -> new LinkedHashSet<>()).add(name);
            }
        }
    }

    /**
     * A person mention's own name by its syntax: the proper-noun tokens joined to the mention's head by UD's name
     * relations ({@code flat}, and {@code compound} under a proper-noun head), with hyphens inside; null when that
     * is not one contiguous run or is the whole mention. GUM's person mentions include titles, appositions and
     * modifiers ("Major general Fuad Basya", "Raymond Chan of People Power", "Joint Council for the Welfare of
     * Immigrants campaigner Caitlin Boswell"), which the longest proper-noun run of {@link #addForm} gets wrong
     * when the title is tagged a proper noun or an "of" joins the name to an organisation.
     */
    static String personName(List<String> tokens, List<String> tags, List<String> deprels, List<Integer> heads,
            int first, int last) {
        int head = first;
        for (int k = first; k <= last; k++) {
            int h = heads.get(k);
            if (h < first || h > last) {
                head = k;
                break;
            }
        }
        boolean properHead = tags.get(head).startsWith("NNP");
        boolean[] in = new boolean[last - first + 1];
        in[head - first] = properHead;
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int k = first; k <= last; k++) {
                if (in[k - first] || !tags.get(k).startsWith("NNP")) {
                    continue;
                }
                String rel = deprels.get(k);
                int h = heads.get(k);
                boolean joins = h == head ? rel.startsWith("flat") || properHead && rel.startsWith("compound")
                        : h >= first && h <= last && in[h - first] && (rel.startsWith("flat") || rel.startsWith("compound"));
                if (joins) {
                    in[k - first] = true;
                    grew = true;
                }
            }
        }
        for (int k = first + 1; k < last; k++) {
            if ("HYPH".equals(tags.get(k)) && in[k - 1 - first] && in[k + 1 - first]) {
                in[k - first] = true;
            }
        }
        int from = -1;
        int to = -1;
        for (int k = first; k <= last; k++) {
            if (in[k - first]) {
                if (from < 0) {
                    from = k;
                } else if (to != k - 1) {
                    return null; // not one run
                }
                to = k;
            }
        }
        if (from < 0 || from == first && to == last) {
            return null;
        }
        String name = normalize(String.join(" ", tokens.subList(from, to + 1)));
        return name.isEmpty() ? null : name;
    }

    private static final Set<String> NAME_INNER = Set.of("of", "and", "the", "&", "-");

    /** Lower case, "the" dropped, possessive dropped, spaces before punctuation closed. */
    static String normalize(String s) {
        String n = s.toLowerCase(Locale.ROOT).replace(" 's", "").replace(" ’s", "").replaceAll("\\s+([.,'’-])\\s*", "$1")
                .replaceAll("\\s+", " ").strip();
        if (n.startsWith("the ")) {
            n = n.substring(4);
        }
        return n;
    }

    /**
     * A place's name without the state or country Wikipedia adds after a comma to tell towns apart, as it adds
     * a parenthesis elsewhere: "Arlington,_Texas", "Washington,_D.C." to "arlington", "washington"; other
     * identities as {@link #identityName}.
     */
    static String placeName(String identity) {
        String name = identityName(identity);
        int comma = name.indexOf(',');
        return comma > 0 ? name.substring(0, comma).strip() : name;
    }

    /** "United_States", "Magic_%28illusion%29" to "united states", "magic". */
    static String identityName(String identity) {
        String decoded = URLDecoder.decode(identity.replace("+", "%2B"), StandardCharsets.UTF_8).replace('_', ' ');
        return normalize(decoded.replaceAll("\\s*\\(.*\\)$", ""));
    }
}
