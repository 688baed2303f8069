package io.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.newsflow.contracts.EntityTypes;

/**
 * Known entities and the surface forms that name them, matched case-sensitively as whole token sequences.
 * Countries come from the JDK's ISO 3166 list (English names) plus the resource's aliases and demonyms;
 * locations and organisations come from the resource. Format of the resource, one entity a line:
 * {@code TYPE | canonical name | canonical id or - | alias, alias, ...}.
 */
public final class Gazetteer {

    /** A known entity. */
    public record Entry(String type, String name, String canonicalId) {
    }

    /** A gazetteer name found at a token position, {@code length} tokens long. */
    public record Match(Entry entry, int length) {
    }

    /** JDK country names that are more often something else in news text (a first name, a person). */
    private static final Set<String> AMBIGUOUS_JDK_COUNTRIES = Set.of("TD", "JE", "GG", "IM", "CW", "SX", "BQ");
    private static final String NO_ID = "-";

    private final Map<String, Entry> byAlias;
    private final int maxAliasTokens;
    /** Longest alias (in tokens) per first token: most capitalised words start no alias and are skipped at once. */
    private final Map<String, Integer> longestByFirstToken;

    private Gazetteer(Map<String, Entry> byAlias) {
        this.byAlias = Map.copyOf(byAlias);
        int max = 1;
        Map<String, Integer> byFirst = new HashMap<>();
        for (String alias : byAlias.keySet()) {
            String[] parts = alias.split(" ");
            max = Math.max(max, parts.length);
            byFirst.merge(parts[0], parts.length, Math::max);
        }
        this.maxAliasTokens = max;
        this.longestByFirstToken = Map.copyOf(byFirst);
    }

    public static Gazetteer fromResource(String resource) {
        return parse(ClasspathLines.read(Gazetteer.class, resource).orElseThrow(
                () -> new IllegalArgumentException("gazetteer resource not found: " + resource)));
    }

    /** Parses resource lines; JDK country names are added for codes the lines do not mention. */
    public static Gazetteer parse(List<String> lines) {
        Map<String, Entry> byAlias = new LinkedHashMap<>();
        Map<String, Entry> countriesById = new HashMap<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            if (parts.length < 3) {
                throw new IllegalArgumentException("gazetteer line " + lineNo + " is not 'TYPE | name | id | aliases': " + line);
            }
            String type = parts[0].strip();
            if (!EntityTypes.ALL.contains(type)) {
                throw new IllegalArgumentException("gazetteer line " + lineNo + " has unknown type " + type);
            }
            String name = parts[1].strip();
            String id = parts[2].strip();
            Entry entry = new Entry(type, name, NO_ID.equals(id) || id.isEmpty() ? null : id);
            if (EntityTypes.COUNTRY.equals(type) && entry.canonicalId() != null) {
                countriesById.put(entry.canonicalId(), entry);
            }
            add(byAlias, name, entry);
            if (parts.length > 3) {
                for (String alias : parts[3].split(",")) {
                    add(byAlias, alias.strip(), entry);
                }
            }
        }
        for (String code : Locale.getISOCountries()) {
            if (AMBIGUOUS_JDK_COUNTRIES.contains(code)) {
                continue;
            }
            String jdkName = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            Entry entry = countriesById.get(code);
            if (entry == null) {
                entry = new Entry(EntityTypes.COUNTRY, jdkName, code);
            }
            byAlias.putIfAbsent(normalizeAlias(jdkName), entry);
        }
        return new Gazetteer(byAlias);
    }

    private static void add(Map<String, Entry> byAlias, String alias, Entry entry) {
        if (!alias.isEmpty()) {
            byAlias.putIfAbsent(normalizeAlias(alias), entry);
        }
    }

    /** The alias as space-separated tokens, the form {@link #lookup} is asked with. */
    static String normalizeAlias(String alias) {
        return String.join(" ", EntityTokenizer.tokens(alias).stream().map(EntityTokenizer.Token::text).toList());
    }

    /** The entry named exactly by these tokens (space-joined), if any. */
    public Optional<Entry> lookup(String spaceJoinedTokens) {
        return Optional.ofNullable(byAlias.get(spaceJoinedTokens));
    }

    /**
     * Longest gazetteer names in a token sequence, left to right without overlap, starting at capitalised words:
     * element i is the match starting at token i, or null. A shouted single word ("WASHINGTON", datelines) is
     * looked up in title case.
     */
    public Match[] longestMatches(List<EntityTokenizer.Token> tokens) {
        Match[] out = new Match[tokens.size()];
        StringBuilder key = new StringBuilder();
        int i = 0;
        while (i < tokens.size()) {
            EntityTokenizer.Token tok = tokens.get(i);
            if (!tok.isWord() || !tok.capitalized()) {
                i++;
                continue;
            }
            Integer longest = longestByFirstToken.get(tok.text());
            if (longest == null && !isShouted(tok.text())) {
                i++;
                continue;
            }
            Match found = null;
            for (int len = Math.min(longest == null ? 1 : longest, tokens.size() - i); len >= 1 && found == null; len--) {
                key.setLength(0);
                for (int k = i; k < i + len; k++) {
                    if (k > i) {
                        key.append(' ');
                    }
                    key.append(tokens.get(k).text());
                }
                Entry e = byAlias.get(key.toString());
                if (e == null && len == 1 && isShouted(tok.text())) {
                    e = byAlias.get(tok.text().charAt(0) + tok.text().substring(1).toLowerCase(Locale.ROOT));
                }
                if (e != null) {
                    found = new Match(e, len);
                }
            }
            if (found != null) {
                out[i] = found;
                i += found.length();
            } else {
                i++;
            }
        }
        return out;
    }

    /** Shorter all-capital words are acronyms, not shouted names. */
    private static final int MIN_SHOUTED = 5;

    private static boolean isShouted(String w) {
        if (w.length() < MIN_SHOUTED) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (Character.isLowerCase(w.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    public int maxAliasTokens() {
        return maxAliasTokens;
    }

    public int size() {
        return byAlias.size();
    }

    /** Every alias (space-joined tokens) of the entries of one type, e.g. all names and demonyms of countries. */
    public Set<String> aliasesOfType(String type) {
        Set<String> out = new java.util.TreeSet<>();
        byAlias.forEach((alias, e) -> {
            if (e.type().equals(type)) {
                out.add(alias);
            }
        });
        return out;
    }

    /** Every alias of the given entry name (for tests and diagnostics). */
    public List<String> aliasesOf(String name) {
        List<String> out = new ArrayList<>();
        byAlias.forEach((alias, e) -> {
            if (e.name().equals(name)) {
                out.add(alias);
            }
        });
        return out;
    }
}
