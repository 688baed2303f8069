package io.newsflow.query.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which PostgreSQL text-search configuration indexes an article of a given language. This mirrors the SQL
 * function {@code search_config_for(language)} behind the generated {@code search_vector} column; a query must
 * be parsed with the same configuration as the rows it is matched against (stemming differs per language).
 */
public final class SearchLanguages {

    /** Fallback for unknown or undetermined languages: no stemming, no stop words. */
    public static final String SIMPLE = "simple";

    private static final Map<String, String> CONFIG_BY_PRIMARY_SUBTAG = new LinkedHashMap<>();

    static {
        CONFIG_BY_PRIMARY_SUBTAG.put("en", "english");
        CONFIG_BY_PRIMARY_SUBTAG.put("de", "german");
        CONFIG_BY_PRIMARY_SUBTAG.put("fr", "french");
        CONFIG_BY_PRIMARY_SUBTAG.put("es", "spanish");
        CONFIG_BY_PRIMARY_SUBTAG.put("it", "italian");
        CONFIG_BY_PRIMARY_SUBTAG.put("pt", "portuguese");
        CONFIG_BY_PRIMARY_SUBTAG.put("nl", "dutch");
        CONFIG_BY_PRIMARY_SUBTAG.put("sv", "swedish");
        CONFIG_BY_PRIMARY_SUBTAG.put("no", "norwegian");
        CONFIG_BY_PRIMARY_SUBTAG.put("nb", "norwegian");
        CONFIG_BY_PRIMARY_SUBTAG.put("nn", "norwegian");
        CONFIG_BY_PRIMARY_SUBTAG.put("da", "danish");
        CONFIG_BY_PRIMARY_SUBTAG.put("fi", "finnish");
        CONFIG_BY_PRIMARY_SUBTAG.put("ru", "russian");
        CONFIG_BY_PRIMARY_SUBTAG.put("hu", "hungarian");
        CONFIG_BY_PRIMARY_SUBTAG.put("ro", "romanian");
        CONFIG_BY_PRIMARY_SUBTAG.put("tr", "turkish");
    }

    private SearchLanguages() {
    }

    /** The configuration for a BCP-47 tag (only the primary subtag matters); {@link #SIMPLE} when unknown. */
    public static String configFor(String language) {
        if (language == null) {
            return SIMPLE;
        }
        String primary = language.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return CONFIG_BY_PRIMARY_SUBTAG.getOrDefault(primary, SIMPLE);
    }

    /** Every configuration a row can have, each once. */
    public static Set<String> allConfigs() {
        Set<String> all = new LinkedHashSet<>(CONFIG_BY_PRIMARY_SUBTAG.values());
        all.add(SIMPLE);
        return all;
    }

    /** The configurations of the given languages, or {@link #allConfigs()} when none are given. */
    public static Set<String> configsFor(Collection<String> languages) {
        if (languages.isEmpty()) {
            return allConfigs();
        }
        Set<String> configs = new LinkedHashSet<>();
        languages.forEach(l -> configs.add(configFor(l)));
        return configs;
    }

    /** Language tags with a dedicated configuration (for tests and docs). */
    public static Set<String> knownLanguages() {
        return CONFIG_BY_PRIMARY_SUBTAG.keySet();
    }
}
