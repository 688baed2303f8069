package io.newsflow.eval.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.newsflow.contracts.EntityTypes;
import io.newsflow.enrich.pipeline.entities.EntityLexicon;
import io.newsflow.eval.sections.GumBrackets;

/**
 * NER-style training data from a GUM CoNLL-U document: paragraphs of plain text (sentences joined by a space, as
 * the evaluation builds them) with character spans of named person, organisation and place mentions. GUM marks
 * every mention (nominal and pronominal too), so a mention counts as a name when, after dropping leading
 * determiners, possessives and lower-case words (and, for persons, leading titles such as "President"), every
 * word is capitalised or a connector ("of") and it has a proper-noun token or a Wikipedia identity. Nested names
 * give way to the outermost one.
 */
final class GumNames {

    /** A name: characters [start, end) of its paragraph, type PERSON, ORG or LOCATION. */
    record Name(int start, int end, String type) {
    }

    record Paragraph(String text, List<Name> names) {
    }

    private static final Map<String, String> TYPES = Map.of("person", EntityTypes.PERSON, "organization",
            EntityTypes.ORG, "place", EntityTypes.LOCATION);
    /** Lower-case words inside organisation and place names ("Bay of Bengal", "Council on ... Relations"). */
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "de", "du", "von", "van", "der", "al",
            "la", "&", "on");

    /** A GUM token; head is the index of its syntactic head among all tokens, -1 for a sentence root. */
    private record Tok(String form, String xpos, int head, int paragraph, int start, int end) {
    }

    private record Mention(int first, int last, String type, boolean identity) {
    }

    private GumNames() {
    }

    static List<Paragraph> read(Path file) throws IOException {
        List<StringBuilder> texts = new ArrayList<>();
        List<Tok> toks = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        GumBrackets brackets = new GumBrackets((f, first, last) -> mentions.add(mention(f, first, last)));
        StringBuilder paragraph = null;
        String sentence = null;
        int sentenceBase = 0;
        int cursor = 0;
        int sentenceFirst = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("# newpar") && !line.startsWith("# newpar_block")) {
                paragraph = null;
            } else if (line.startsWith("# text = ")) {
                if (paragraph == null) {
                    paragraph = new StringBuilder();
                    texts.add(paragraph);
                } else {
                    paragraph.append(' ');
                }
                sentence = line.substring("# text = ".length());
                sentenceBase = paragraph.length();
                paragraph.append(sentence);
                cursor = 0;
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                String[] cols = line.split("\t");
                if (cols.length < 10 || cols[0].contains("-") || cols[0].contains(".")) {
                    continue;
                }
                int at = sentence.indexOf(cols[1], cursor);
                if (at < 0) {
                    at = cursor; // a form that differs from the text (rare): keep position
                } else {
                    cursor = at + cols[1].length();
                }
                int index = toks.size();
                if ("1".equals(cols[0])) {
                    sentenceFirst = index;
                }
                int head = "0".equals(cols[6]) || "_".equals(cols[6]) ? -1 : sentenceFirst + Integer.parseInt(cols[6]) - 1;
                toks.add(new Tok(cols[1], cols[4], head, texts.size() - 1, sentenceBase + at,
                        sentenceBase + at + cols[1].length()));
                brackets.token(cols[9], index);
            }
        }
        List<List<Name>> names = new ArrayList<>();
        for (int p = 0; p < texts.size(); p++) {
            names.add(new ArrayList<>());
        }
        mentions.sort(Comparator.comparingInt(Mention::first).thenComparingInt(m -> -m.last()));
        int taken = -1;
        for (Mention m : mentions) {
            int[] span = nameSpan(m, toks);
            if (span == null || span[0] <= taken) {
                continue;
            }
            Tok a = toks.get(span[0]);
            Tok b = toks.get(span[1]);
            if (a.paragraph() != b.paragraph()) {
                continue;
            }
            names.get(a.paragraph()).add(new Name(a.start(), b.end(), m.type()));
            taken = span[1];
        }
        List<Paragraph> out = new ArrayList<>();
        for (int p = 0; p < texts.size(); p++) {
            out.add(new Paragraph(texts.get(p).toString(), names.get(p)));
        }
        return out;
    }

    private static Mention mention(String[] f, int first, int last) {
        String type = f.length > GumBrackets.TYPE_FIELD ? TYPES.get(f[GumBrackets.TYPE_FIELD]) : null;
        boolean identity = f.length > GumBrackets.IDENTITY_FIELD && !f[GumBrackets.IDENTITY_FIELD].isBlank();
        return new Mention(first, last, type, identity);
    }

    /**
     * Token range [first, last] of the name a mention is, or null when it is not a name: the run of capitalised
     * tokens around the mention's syntactic head (for organisations and places also across "of"-style
     * connectors: "Bay of Bengal"), inside the mention, without a leading determiner or, for persons, leading
     * titles ("Republican Party nominee Ken Cuccinelli" → "Ken Cuccinelli", "Lee Cheuk-yan of the Labour Party"
     * → "Lee Cheuk-yan").
     */
    private static int[] nameSpan(Mention m, List<Tok> toks) {
        if (m.type() == null) {
            return null;
        }
        int head = m.first();
        for (int k = m.first(); k <= m.last(); k++) {
            int h = toks.get(k).head();
            if (h < m.first() || h > m.last()) {
                head = k;
                break;
            }
        }
        if (!capitalised(toks.get(head).form())) {
            return null;
        }
        boolean person = EntityTypes.PERSON.equals(m.type());
        int first = head;
        while (first > m.first() && joins(toks, first - 1, person, -1)) {
            first -= isConnector(toks.get(first - 1).form()) ? 2 : 1;
        }
        int last = head;
        while (last < m.last() && joins(toks, last + 1, person, 1)) {
            last += isConnector(toks.get(last + 1).form()) ? 2 : 1;
        }
        while (first < last && ("DT".equals(toks.get(first).xpos())
                || person && titleWord(toks.get(first).form()))) {
            first++;
        }
        while (last > first && ("POS".equals(toks.get(last).xpos()) || !Character.isLetterOrDigit(toks.get(last).form().charAt(0)))) {
            last--;
        }
        boolean proper = false;
        boolean office = true; // "President", "Attorney General": an office, not a name
        for (int k = first; k <= last; k++) {
            proper |= toks.get(k).xpos().startsWith("NNP");
            office &= titleWord(toks.get(k).form()) || isConnector(toks.get(k).form());
        }
        if (office) {
            return null;
        }
        return proper || m.identity() ? new int[] {first, last} : null;
    }

    /** Whether token k (next to the run, on side dir) extends the name: capitalised, or a connector before one. */
    private static boolean joins(List<Tok> toks, int k, boolean person, int dir) {
        String w = toks.get(k).form();
        if (capitalised(w) || "-".equals(w) && k + dir >= 0 && k + dir < toks.size() && capitalised(toks.get(k + dir).form())) {
            return true;
        }
        int beyond = k + dir;
        return !person && isConnector(w) && beyond >= 0 && beyond < toks.size() && capitalised(toks.get(beyond).form());
    }

    private static boolean isConnector(String w) {
        return CONNECTORS.contains(w);
    }

    private static boolean titleWord(String w) {
        String bare = w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
        return EntityLexicon.PERSON_TITLES.contains(bare) || EntityLexicon.OFFICE_WORDS.contains(bare);
    }

    private static boolean capitalised(String w) {
        return !w.isEmpty() && (Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0)));
    }
}
