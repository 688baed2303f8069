package io.newsflow.query.bench;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EntityMention;
import io.newsflow.contracts.Keyword;

/**
 * Realistic articles at any volume, derived from the shared corpora (read in place): bodies from the
 * article-extraction-benchmark gold texts and the seeds, entities from the seed labels and the GUM Wikinews
 * identity annotations. Article {@code n} is a pure function of {@code n}: stories of a few articles sharing a
 * base text, entities and dates; Zipf-like sources; dates over two years; a few near-duplicates.
 */
final class SyntheticCorpus {

    private static final Instant EPOCH = Instant.parse("2023-01-01T00:00:00Z");
    private static final int DAYS = 730;
    private static final int SOURCES = 300;
    private static final int MIN_BODY_CHARS = 3500;
    private static final Pattern GUM_ID = Pattern.compile("([^|\\[]+)\\[(\\d+)\\]");
    private static final Pattern GUM_TYPE = Pattern.compile("(person|organization|place)\\[(\\d+)\\]");
    private static final Map<String, String> COUNTRY_CODES = Map.ofEntries(Map.entry("United States", "US"),
            Map.entry("Japan", "JP"), Map.entry("China", "CN"), Map.entry("Taiwan", "TW"),
            Map.entry("Australia", "AU"), Map.entry("Canada", "CA"), Map.entry("Germany", "DE"),
            Map.entry("North Korea", "KP"), Map.entry("South Korea", "KR"), Map.entry("Philippines", "PH"),
            Map.entry("United Kingdom", "GB"), Map.entry("Ukraine", "UA"), Map.entry("Russia", "RU"),
            Map.entry("Israel", "IL"));

    final List<List<String>> docs = new ArrayList<>();
    final List<EntityMention> entityPool = new ArrayList<>();
    private final long salt;

    SyntheticCorpus(Path sharedData, long salt) throws IOException {
        this.salt = salt;
        JsonNode truth = ContractJson.mapper().readTree(
                sharedData.resolve("article-extraction-benchmark/ground-truth.json").toFile());
        truth.fields().forEachRemaining(e -> addDoc(e.getValue().path("articleBody").asText("")));
        Path seeds = sharedData.resolve("seeds");
        try (var files = Files.list(seeds)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                addDoc(Files.readString(p));
            }
        }
        Map<String, EntityMention> entities = new LinkedHashMap<>();
        JsonNode labels = ContractJson.mapper().readTree(seeds.resolve("labels.json").toFile());
        labels.fields().forEachRemaining(l -> l.getValue().path("entities").fields().forEachRemaining(t ->
                t.getValue().forEach(n -> entities.putIfAbsent(t.getKey() + n.asText(), new EntityMention(t.getKey(),
                        n.asText(), "COUNTRY".equals(t.getKey()) ? COUNTRY_CODES.get(n.asText()) : null, 1)))));
        try (var files = Files.list(sharedData.resolve("gum-wikinews/coref-tsv"))) {
            for (Path p : files.sorted().toList()) {
                for (String line : Files.readAllLines(p)) {
                    addGumEntity(line, entities);
                }
            }
        }
        entityPool.addAll(entities.values());
    }

    private void addDoc(String body) {
        List<String> paragraphs = new ArrayList<>();
        for (String p : body.split("\\n\\s*\\n|\\n")) {
            if (p.strip().length() > 40) {
                paragraphs.add(p.strip());
            }
        }
        if (!paragraphs.isEmpty()) {
            docs.add(paragraphs);
        }
    }

    private static void addGumEntity(String line, Map<String, EntityMention> entities) {
        String[] c = line.split("\t");
        if (c.length < 7 || "_".equals(c[6])) {
            return;
        }
        Map<String, String> typeByRef = new HashMap<>();
        Matcher t = GUM_TYPE.matcher(c[3]);
        while (t.find()) {
            typeByRef.put(t.group(2), switch (t.group(1)) {
                case "person" -> "PERSON";
                case "organization" -> "ORG";
                default -> "LOCATION";
            });
        }
        Matcher m = GUM_ID.matcher(c[6]);
        while (m.find()) {
            String type = typeByRef.get(m.group(2));
            if (type != null) {
                String name = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8).replace('_', ' ').strip();
                if (!name.isEmpty()) {
                    String finalType = COUNTRY_CODES.containsKey(name) ? "COUNTRY" : type;
                    entities.putIfAbsent(finalType + name, new EntityMention(finalType, name,
                            COUNTRY_CODES.get(name), 1));
                }
            }
        }
    }

    /** Deterministic 16-hex id of article n. */
    String idOf(long n) {
        long x = (n + 1) * 0x9E3779B97F4A7C15L ^ salt;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 27;
        return String.format("%016x", x);
    }

    /** Story of article n: runs of about four neighbours, some articles without story. */
    long storyOf(long n) {
        return n / 4;
    }

    EnrichedArticle article(long n) {
        Random r = new Random(n * 31 + salt);
        long story = storyOf(n);
        Random s = new Random(story * 17 + salt);
        boolean hasStory = r.nextInt(20) != 0;
        List<String> doc = docs.get(s.nextInt(docs.size()));
        Instant storyDay = EPOCH.plus(Duration.ofDays(s.nextInt(DAYS)));
        List<EntityMention> storyEntities = new ArrayList<>();
        int entityCount = 3 + s.nextInt(6);
        for (int i = 0; i < entityCount; i++) {
            EntityMention e = entityPool.get((int) Math.floor(Math.pow(s.nextDouble(), 2) * entityPool.size()));
            if (storyEntities.stream().noneMatch(x -> x.name().equals(e.name()) && x.type().equals(e.type()))) {
                storyEntities.add(new EntityMention(e.type(), e.name(), e.canonicalId(), 1 + r.nextInt(5)));
            }
        }
        StringBuilder body = new StringBuilder();
        int start = r.nextInt(doc.size());
        for (int i = 0; body.length() < MIN_BODY_CHARS && i < doc.size() * 2; i++) {
            body.append(doc.get((start + i) % doc.size())).append("\n\n");
        }
        String text = body.toString().strip();
        String lede = text.split("\n\n", 2)[0];
        String[] words = doc.get(0).split("\\s+");
        String title = String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(words.length, 6 + r.nextInt(8))));
        String source = "source-" + (int) Math.floor(Math.pow(r.nextDouble(), 3) * SOURCES) + ".example";
        Instant published = r.nextInt(50) == 0 ? null
                : storyDay.plusSeconds(r.nextInt(3 * 24 * 3600));
        Instant ingested = (published == null ? storyDay : published).plusSeconds(60 + r.nextInt(6 * 3600));
        String id = idOf(n);
        String duplicateOf = null;
        Double similarity = null;
        long first = story * 4;
        if (hasStory && n != first && r.nextInt(25) == 0) {
            duplicateOf = idOf(first);
            similarity = 0.85 + r.nextDouble() * 0.14;
        }
        int wordCount = text.split("\\s+").length;
        return new EnrichedArticle(id, "https://" + source + "/news/" + id, "https://" + source + "/news/" + id,
                source, title, List.of("Staff " + r.nextInt(500)), published, published == null ? "none" : "json-ld",
                r.nextInt(20) == 0 ? "und" : "en", 0.95, text, lede, wordCount, Math.max(1, wordCount / 230),
                storyEntities, List.of(new Keyword(words[0].toLowerCase(), 0.5)), "h" + id, duplicateOf,
                duplicateOf == null ? null : "near", similarity, hasStory ? "st-" + story : null, 1, ingested,
                ingested.plusSeconds(1), "bench-1", Map.of("title", "html-meta"));
    }
}
