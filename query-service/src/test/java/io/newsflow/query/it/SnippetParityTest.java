package io.newsflow.query.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.contracts.ContractJson;
import io.newsflow.query.domain.SnippetBuilder;
import io.newsflow.query.domain.TextSearchLexemes;
import io.newsflow.query.domain.TsQuery;
import io.newsflow.testsupport.FreshDatabase;

/**
 * The service's snippets ({@link SnippetBuilder}) against PostgreSQL's {@code ts_headline} on the real database, for
 * real texts of the shared corpora in several languages and many web-search queries made from their words (single
 * words, AND, phrases, OR, exclusion of a word the text lacks, as a matched article does): the set of marked words must be the same for nearly every pair, and the
 * whole snippet for most (fragment choice may differ where the tokeniser differs). Prints the figures.
 */
class SnippetParityTest {

    /** Marked words: same set in at least this share of the pairs. */
    private static final double MIN_SAME_MARKED = 0.97;
    /** Whole snippet identical in at least this share. */
    private static final double MIN_IDENTICAL = 0.90;

    /** Configurations without texts of their own here, exercised on the English texts' words. */
    private static final List<String> OTHER_CONFIGS = List.of("french", "spanish", "italian", "portuguese", "dutch",
            "swedish", "norwegian", "danish", "finnish", "russian", "hungarian", "romanian", "turkish");

    private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>");

    private record Case(String config, String text, String query) {
    }

    @Test
    void markedWordsMatchTsHeadline() throws Exception {
        String options = property("newsflow.query.search.headline-options");
        int maxChars = Integer.parseInt(property("newsflow.query.search.snippet-max-chars"));
        SnippetBuilder builder = new SnippetBuilder(SnippetBuilder.Options.parse(options));
        List<Case> cases = cases(maxChars);

        List<String[]> expected; // ts_headline, websearch_to_tsquery as text
        try (FreshDatabase db = FreshDatabase.create("newsflow_snippet");
                Connection c = DriverManager.getConnection(db.jdbcUrl(), FreshDatabase.user(),
                        FreshDatabase.password())) {
            expected = headlines(c, cases, options);
        }

        int sameMarked = 0;
        int identical = 0;
        Map<String, int[]> byConfig = new LinkedHashMap<>();
        List<String> differences = new ArrayList<>();
        Map<String, TextSearchLexemes> lexemes = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            Case k = cases.get(i);
            String theirs = expected.get(i)[0];
            String ours = builder.build(k.text(), TsQuery.parse(expected.get(i)[1]),
                    lexemes.computeIfAbsent(k.config(), TextSearchLexemes::of));
            boolean same = marked(ours).equals(marked(theirs));
            int[] counts = byConfig.computeIfAbsent(k.config(), x -> new int[3]);
            counts[0]++;
            if (same) {
                sameMarked++;
                counts[1]++;
            }
            if (ours.equals(theirs)) {
                identical++;
                counts[2]++;
            } else if (differences.size() < 400) {
                differences.add((same ? "SAME MARKS" : "MARKS DIFFER") + " [" + k.config() + "] q=" + k.query()
                        + " tsquery=" + expected.get(i)[1] + "\n  pg:  " + theirs + "\n  ours: " + ours
                        + "\n  pg marks " + marked(theirs) + " ours " + marked(ours));
            }
        }
        Path report = Path.of("target", "snippet-parity.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, differences);
        String summary = String.format(Locale.ROOT, "snippet parity: %d pairs, same marked words %d (%.1f %%),"
                + " identical snippet %d (%.1f %%); per configuration (pairs/same marks/identical) %s; differences"
                + " in %s", cases.size(), sameMarked, 100.0 * sameMarked / cases.size(), identical,
                100.0 * identical / cases.size(), byConfig.entrySet().stream().map(e -> e.getKey() + " "
                        + e.getValue()[0] + "/" + e.getValue()[1] + "/" + e.getValue()[2])
                        .collect(Collectors.joining(", ")), report.toAbsolutePath());
        System.out.println(summary);
        assertTrue(cases.size() >= 1000, "enough pairs: " + cases.size());
        assertTrue(sameMarked >= MIN_SAME_MARKED * cases.size(), summary);
        assertTrue(identical >= MIN_IDENTICAL * cases.size(), summary);
    }

    /** A property's default in application.properties (the value after the env override's colon). */
    private static String property(String name) throws IOException {
        Properties p = new Properties();
        try (var in = SnippetParityTest.class.getResourceAsStream("/application.properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        String value = p.getProperty(name);
        Matcher m = Pattern.compile("\\$\\{[A-Z0-9_]+:(.*)}").matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    /** The marked words, lower-cased. */
    private static Set<String> marked(String snippet) {
        Set<String> words = new TreeSet<>();
        Matcher m = MARK.matcher(snippet);
        while (m.find()) {
            words.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static List<String[]> headlines(Connection c, List<Case> cases, String options) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ts_headline(x.cfg::regconfig, x.t,"
                + " websearch_to_tsquery(x.cfg::regconfig, x.q), ?), websearch_to_tsquery(x.cfg::regconfig, x.q)::text"
                + " FROM unnest(?, ?, ?) WITH ORDINALITY AS x(cfg, t, q, n) ORDER BY x.n")) {
            Array configs = c.createArrayOf("text", cases.stream().map(Case::config).toArray());
            Array texts = c.createArrayOf("text", cases.stream().map(Case::text).toArray());
            Array queries = c.createArrayOf("text", cases.stream().map(Case::query).toArray());
            s.setString(1, options);
            s.setArray(2, configs);
            s.setArray(3, texts);
            s.setArray(4, queries);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        return rows;
    }

    /** Texts of the shared corpora (first maxChars characters, as the service cuts them) and queries on them. */
    private static List<Case> cases(int maxChars) throws IOException {
        Path shared = Path.of(System.getProperty("newsflow.shared.data", "../../shared/data"));
        Map<String, List<String>> textsByConfig = new LinkedHashMap<>();
        JsonNode truth = ContractJson.mapper().readTree(
                shared.resolve("article-extraction-benchmark/ground-truth.json").toFile());
        truth.forEach(a -> textsByConfig.computeIfAbsent("english", k -> new ArrayList<>())
                .add(a.path("articleBody").asText("")));
        try (var files = Files.list(shared.resolve("seeds"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                textsByConfig.get("english").add(Files.readString(p));
            }
        }
        // trafilatura's evaluation pages: their main-text segments, joined, by the site's country domain
        JsonNode eval = ContractJson.mapper().readTree(shared.resolve("trafilatura-eval/evaldata.json").toFile());
        Map<String, String> configByDomain = Map.of("de", "german", "at", "german", "ch", "german", "fr", "french",
                "pl", "simple", "cl", "spanish", "pe", "spanish", "ar", "spanish", "it", "italian", "fi", "finnish");
        eval.fields().forEachRemaining(e -> {
            String host = e.getKey().replaceAll("https?://([^/]+).*", "$1");
            String config = configByDomain.get(host.substring(host.lastIndexOf('.') + 1));
            List<String> segments = new ArrayList<>();
            e.getValue().path("with").forEach(w -> segments.add(w.asText()));
            String text = String.join(" ", segments);
            if (config != null && text.length() > 120) {
                textsByConfig.computeIfAbsent(config, k -> new ArrayList<>()).add(text);
            }
        });
        Random random = new Random(20261123);
        List<Case> cases = new ArrayList<>();
        textsByConfig.forEach((config, texts) -> {
            int perConfig = 0;
            for (String full : texts) {
                String text = full.length() > maxChars ? full.substring(0, maxChars) : full;
                List<String> words = new ArrayList<>();
                Matcher w = Pattern.compile("[\\p{L}][\\p{L}\\p{Nd}]{3,}").matcher(text);
                while (w.find()) {
                    words.add(w.group());
                }
                if (words.size() < 12 || perConfig > 150) {
                    continue;
                }
                perConfig++;
                for (String q : queries(words, random)) {
                    cases.add(new Case(config, text, q));
                }
                // the simple configuration for every language too: no stemming, no stop words
                if (!"simple".equals(config) && perConfig % 4 == 0) {
                    cases.add(new Case("simple", text, words.get(random.nextInt(words.size()))));
                }
                // every other language's stemmer and stop words, on the same words
                if ("english".equals(config)) {
                    for (String other : OTHER_CONFIGS) {
                        queries(words, random).subList(0, 6).forEach(q -> cases.add(new Case(other, text, q)));
                    }
                }
            }
        });
        return cases;
    }

    /** Web-search queries from a text's words: one word, AND, OR, phrases, exclusions. */
    private static List<String> queries(List<String> words, Random random) {
        int i = random.nextInt(words.size() - 3);
        String a = words.get(i);
        String b = words.get(random.nextInt(words.size()));
        String c = words.get(random.nextInt(words.size()));
        String far = words.get(words.size() - 1 - random.nextInt(Math.min(10, words.size())));
        return List.of(a, a + " " + b, a + " " + b + " " + c, "\"" + a + " " + words.get(i + 1) + "\"",
                "\"" + a + " " + words.get(i + 1) + " " + words.get(i + 2) + "\"", a + " OR " + far,
                a + " -nichtdavorhandenxyz", "-zzqqxxabsent " + b, "\"" + b + " " + c + "\" OR " + a,
                a.toUpperCase(Locale.ROOT) + " " + far.toLowerCase(Locale.ROOT));
    }
}
