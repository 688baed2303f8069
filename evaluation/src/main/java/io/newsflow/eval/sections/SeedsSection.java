package io.newsflow.eval.sections;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.EntityMention;
import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.enrich.pipeline.DateLine;
import io.newsflow.enrich.pipeline.DateTextParser;
import io.newsflow.eval.DataFiles;
import io.newsflow.eval.EvalPipeline;
import io.newsflow.eval.EvalReport;
import io.newsflow.eval.EvalSection;

/**
 * The hand-labelled seeds: share of labelled boilerplate lines removed, repeated paragraphs left once, body
 * sentences kept, titles and dates as labelled, and recall of the labelled entities (type and canonical name).
 */
public final class SeedsSection implements EvalSection {

    private static final Pattern SENTENCE_SPLIT = Pattern.compile("(?<=[.!?\"”])\\s+(?=[\\p{Lu}“\"])");
    private static final Pattern DATE_PREFIX = Pattern.compile("^\\s*date \\d{4}-\\d{2}-\\d{2}\\s*");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    private static final int MIN_BODY_WORDS = 4;

    @Override
    public String name() {
        return "seeds";
    }

    @Override
    public String dataFolder() {
        return "seeds";
    }

    @Override
    public void run(Path dataRoot, EvalReport report, Path predictions) throws Exception {
        Path dir = dataRoot.resolve(dataFolder());
        JsonNode labels = DataFiles.json(dir.resolve("labels.json"));
        DateTextParser dates = new DateTextParser();
        int seeds = 0;
        int boilerplate = 0;
        int boilerplateRemoved = 0;
        int repeated = 0;
        int repeatedOnce = 0;
        int sentences = 0;
        int sentencesKept = 0;
        int titles = 0;
        int titlesRight = 0;
        int datesRight = 0;
        int authorsRight = 0;
        int entities = 0;
        int entitiesFound = 0;
        List<String> missed = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            JsonNode label = e.getValue();
            String raw = Files.readString(file, StandardCharsets.UTF_8);
            ArticleDraft draft = EvalPipeline.text(raw);
            String text = ArticleIds.normalizeWhitespace(draft.text());
            seeds++;
            List<String> labelledBoilerplate = new ArrayList<>();
            for (JsonNode b : label.path("boilerplate")) {
                String line = b.asText().strip();
                labelledBoilerplate.add(line);
                boilerplate++;
                if (!text.contains(line)) {
                    boilerplateRemoved++;
                }
            }
            if (label.path("repeated_paragraph").isTextual()) {
                repeated++;
                String p = label.path("repeated_paragraph").asText();
                if (text.split(Pattern.quote(p), -1).length - 1 == 1) {
                    repeatedOnce++;
                }
            }
            String title = label.path("title").isTextual() ? label.path("title").asText() : null;
            for (String line : raw.split("\n")) {
                String l = ArticleIds.normalizeWhitespace(DATE_PREFIX.matcher(line.replace('\u00A0', ' ')).replaceFirst(""));
                if (l.isEmpty() || labelledBoilerplate.contains(l) || title != null && l.startsWith(title)
                        || DateLine.isPureDate(l, dates) || WORD.matcher(l).results().count() < MIN_BODY_WORDS) {
                    continue;
                }
                for (String sentence : SENTENCE_SPLIT.split(l)) {
                    sentences++;
                    if (text.contains(sentence.strip())) {
                        sentencesKept++;
                    }
                }
            }
            titles++;
            if (title == null ? draft.title() == null : title.equals(draft.title())) {
                titlesRight++;
            }
            String date = label.path("date").isTextual() ? label.path("date").asText() : null;
            String ours = draft.publishedDate() == null ? null : draft.publishedDate().toString();
            if (date == null ? ours == null : date.equals(ours)) {
                datesRight++;
            }
            List<String> labelledAuthors = label.path("author").isTextual() ? List.of(label.path("author").asText()) : List.of();
            if (labelledAuthors.equals(draft.authors())) {
                authorsRight++;
            }
            for (Iterator<Map.Entry<String, JsonNode>> types = label.path("entities").fields(); types.hasNext();) {
                Map.Entry<String, JsonNode> t = types.next();
                for (JsonNode name : t.getValue()) {
                    entities++;
                    if (found(draft.entities(), t.getKey(), name.asText())) {
                        entitiesFound++;
                    } else {
                        missed.add(t.getKey() + ":" + name.asText());
                    }
                }
            }
        }
        double recall = entities == 0 ? 0 : entitiesFound / (double) entities;
        put(report, "seeds.boilerplate_removed", "boilerplate lines removed", boilerplateRemoved, boilerplate, "1.000");
        put(report, "seeds.repeated_removed", "repeated paragraph once", repeatedOnce, repeated, "1.000");
        put(report, "seeds.body_kept", "body sentences kept", sentencesKept, sentences, "1.000");
        put(report, "seeds.titles", "titles as labelled", titlesRight, titles, null);
        put(report, "seeds.dates", "dates as labelled", datesRight, seeds, null);
        put(report, "seeds.authors", "authors as labelled", authorsRight, seeds, null);
        report.put("seeds.cases", seeds);
        report.put("entities.seeds.recall", recall);
        report.put("entities.seeds.cases", entities);
        report.row("seeds", "entity recall", recall, ">= 0.9", entities);
        if (!missed.isEmpty()) {
            report.note("seeds: entities missed: " + String.join(", ", missed));
        }
    }

    private static void put(EvalReport report, String key, String metric, int right, int cases, String target) {
        double value = cases == 0 ? 0 : right / (double) cases;
        report.put(key, value);
        report.row("seeds", metric, value, target, cases);
    }

    /** A labelled entity is found when an entity of that type has that canonical name (case-insensitive). */
    static boolean found(List<EntityMention> entities, String type, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return entities.stream().anyMatch(m -> m.type().equals(type) && m.name().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
