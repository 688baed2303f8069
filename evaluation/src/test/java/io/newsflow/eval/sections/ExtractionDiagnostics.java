package io.newsflow.eval.sections;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.contracts.ContractJson;
import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.enrich.pipeline.HtmlMetadata;
import io.newsflow.enrich.pipeline.HtmlToText;
import io.newsflow.enrich.pipeline.MainContentLocator;
import io.newsflow.enrich.pipeline.StandardPipeline;
import io.newsflow.eval.DataFiles;
import io.newsflow.eval.EvalPipeline;
import io.newsflow.eval.PrfCounter;
import io.newsflow.eval.ShingleScorer;

/**
 * Error analysis for main-text extraction and dates (a development tool, not a test): runs our pipeline only (no
 * peers) over article-extraction-benchmark, trafilatura-eval and htmldate-eval, and prints each figure for all
 * pages and for the pages at even and odd positions of each set's index (AEB {@code ground-truth.json},
 * trafilatura {@code evaldata.json}, htmldate's two index files one after the other), as docs/quality.md reports
 * them. Same scoring as the sections.
 * <ul>
 * <li>{@code -Donly=aeb,trafilatura,htmldate}: the sets to run (default all three);</li>
 * <li>{@code -Dmisses=FILE}: per trafilatura page, the "with" snippets missed and the "without" snippets found, with
 * the elements the locator chose (as {@link HtmlToText#locateBody} finds them, chrome and noscript steps included);</li>
 * <li>{@code -Dsave=FILE}: every page's output (text, date) as JSON, for a page-by-page diff of two runs
 * ({@code -Ddiff=OLD.json} prints the pages whose output changed against such a file, with their snippet score
 * before and after).</li>
 * </ul>
 *
 * <pre>
 * java -Dnewsflow.shared.data=../shared/data -Dmisses=/tmp/misses.txt \
 *   -cp "evaluation/target/test-classes:evaluation/target/evaluation.jar:evaluation/target/lib/*" \
 *   io.newsflow.eval.sections.ExtractionDiagnostics
 * </pre>
 */
public final class ExtractionDiagnostics {

    private static final String[] SPLITS = {"all", "even", "odd"};

    private ExtractionDiagnostics() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("newsflow.shared.data", "../shared/data"));
        Set<String> only = Set.of(System.getProperty("only", "aeb,trafilatura,htmldate").split(","));
        Map<String, Map<String, String>> saved = new LinkedHashMap<>();
        JsonNode old = System.getProperty("diff") == null ? null : DataFiles.json(Path.of(System.getProperty("diff")));
        if (only.contains("aeb")) {
            aeb(data.resolve("article-extraction-benchmark"), saved);
        }
        if (only.contains("trafilatura")) {
            String misses = System.getProperty("misses");
            try (PrintStream out = misses == null ? null
                    : new PrintStream(Files.newOutputStream(Path.of(misses)), true, StandardCharsets.UTF_8)) {
                trafilatura(data.resolve("trafilatura-eval"), saved, out, old);
            }
        }
        if (only.contains("htmldate")) {
            htmldate(data.resolve("htmldate-eval"), saved, old);
        }
        if (System.getProperty("save") != null) {
            DataFiles.mapper().writerWithDefaultPrettyPrinter().writeValue(Path.of(System.getProperty("save")).toFile(), saved);
        }
    }

    private static void aeb(Path dir, Map<String, Map<String, String>> saved) throws Exception {
        JsonNode truth = DataFiles.json(dir.resolve("ground-truth.json"));
        ShingleScorer[] scorers = {new ShingleScorer(), new ShingleScorer(), new ShingleScorer()};
        Map<String, String> out = new LinkedHashMap<>();
        int index = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); index++) {
            Map.Entry<String, JsonNode> item = it.next();
            Path page = DataFiles.find(item.getKey() + ".html", dir.resolve("html"));
            if (page == null) {
                continue;
            }
            String text = EvalPipeline.html(DataFiles.page(page), item.getValue().path("url").asText(null)).text();
            out.put(item.getKey(), text);
            String expected = item.getValue().path("articleBody").asText("");
            scorers[0].add(expected, text);
            scorers[1 + index % 2].add(expected, text);
        }
        saved.put("aeb", out);
        System.out.printf(Locale.ROOT, "aeb F1 all / even / odd: %.3f / %.3f / %.3f (P %.3f R %.3f, %d pages)%n",
                scorers[0].f1(), scorers[1].f1(), scorers[2].f1(), scorers[0].precision(), scorers[0].recall(),
                scorers[0].documents());
    }

    private static void trafilatura(Path dir, Map<String, Map<String, String>> saved, PrintStream misses, JsonNode old)
            throws Exception {
        JsonNode items = DataFiles.json(dir.resolve("evaldata.json"));
        TrafilaturaSection.SnippetScore[] scores = {new TrafilaturaSection.SnippetScore(),
            new TrafilaturaSection.SnippetScore(), new TrafilaturaSection.SnippetScore()};
        TrafilaturaSection.Accuracy title = new TrafilaturaSection.Accuracy();
        TrafilaturaSection.Accuracy date = new TrafilaturaSection.Accuracy();
        TrafilaturaSection.Accuracy author = new TrafilaturaSection.Accuracy();
        Map<String, String> out = new LinkedHashMap<>();
        MainContentLocator locator = MainContentLocator.fromSettings(StandardPipeline.Settings.serviceDefaults());
        int index = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); index++) {
            Map.Entry<String, JsonNode> item = it.next();
            JsonNode gold = item.getValue();
            Path page = DataFiles.find(gold.path("file").asText(), dir.resolve("cache"), dir.resolve("eval"));
            if (page == null) {
                continue;
            }
            String html = DataFiles.page(page);
            String url = item.getKey().startsWith("http") ? item.getKey() : null;
            ArticleDraft draft = EvalPipeline.html(html, url);
            String visible = draft.title() == null ? draft.text() : draft.title() + "\n\n" + draft.text();
            out.put(item.getKey(), visible);
            List<String> with = TrafilaturaSection.strings(gold.path("with"));
            List<String> without = TrafilaturaSection.strings(gold.path("without"));
            scores[0].add(visible, with, without);
            scores[1 + index % 2].add(visible, with, without);
            String goldTitle = gold.path("title").asText("");
            if (!goldTitle.isBlank()) {
                title.add(Normalize.title(goldTitle).equals(Normalize.title(draft.title())));
            }
            String goldDate = Normalize.date(gold.path("date").asText(null));
            if (goldDate != null) {
                date.add(goldDate.equals(draft.publishedDate() == null ? null : draft.publishedDate().toString()));
            }
            List<String> goldAuthors = TrafilaturaSection.strings(gold.path("author"));
            if (!Normalize.authors(goldAuthors).isEmpty()) {
                author.add(Normalize.authors(goldAuthors).equals(Normalize.authors(draft.authors())));
            }
            if (old != null && old.path("trafilatura").has(item.getKey())) {
                String before = old.path("trafilatura").path(item.getKey()).asText();
                if (!before.equals(visible)) {
                    TrafilaturaSection.SnippetScore b = new TrafilaturaSection.SnippetScore();
                    b.add(before, with, without);
                    TrafilaturaSection.SnippetScore a = new TrafilaturaSection.SnippetScore();
                    a.add(visible, with, without);
                    System.out.printf(Locale.ROOT, "changed %s [%d] tp %d->%d fp %d->%d chars %d->%d%n", gold.path("file").asText(),
                            index, b.tp, a.tp, b.fp, a.fp, before.length(), visible.length());
                }
            }
            if (misses != null) {
                writeMisses(misses, index, item.getKey(), gold, html, url, visible, with, without, locator);
            }
        }
        saved.put("trafilatura", out);
        for (int s = 0; s < SPLITS.length; s++) {
            TrafilaturaSection.SnippetScore sc = scores[s];
            System.out.printf(Locale.ROOT, "trafilatura %-4s F1 %.3f (P %.3f / R %.3f; tp %d fp %d fn %d)%n", SPLITS[s],
                    sc.f1(), sc.precision(), sc.recall(), sc.tp, sc.fp, sc.fn);
        }
        System.out.printf(Locale.ROOT, "trafilatura title / date / author accuracy: %.3f / %.3f / %.3f (%d / %d / %d)%n",
                title.value(), date.value(), author.value(), title.cases(), date.cases(), author.cases());
    }

    private static void writeMisses(PrintStream out, int index, String key, JsonNode gold, String html, String url,
            String visible, List<String> with, List<String> without, MainContentLocator locator) {
        String text = Normalize.text(visible);
        List<String> missed = new ArrayList<>();
        for (String s : with) {
            if (!text.contains(Normalize.text(s))) {
                missed.add(s);
            }
        }
        List<String> found = new ArrayList<>();
        for (String s : without) {
            if (text.contains(Normalize.text(s))) {
                found.add(s);
            }
        }
        if (missed.isEmpty() && found.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "=== [%d] %s %s (with %d missed of %d, without %d found of %d, %d chars)%n", index,
                gold.path("file").asText(), key, missed.size(), with.size(), found.size(), without.size(), visible.length());
        Document doc = Jsoup.parse(html, url == null ? "" : url);
        doc.select("script, style, iframe, template, svg, button, select").remove();
        Document raw = doc.clone();
        List<Element> located = locate(locator, doc);
        StringBuilder locatedText = new StringBuilder();
        for (Element e : located) {
            out.println("  located: " + path(e) + " (" + e.text().length() + " chars)");
            locatedText.append(Normalize.text(e.text())).append('\n');
        }
        String pruned = doc.body() == null ? "" : Normalize.text(doc.body().text());
        for (String s : missed) {
            String n = Normalize.text(s);
            // where it was lost: inside the located elements (a later step: line rules, link density, chrome tags),
            // pruned by class, or left out by the locator's choice; "nowhere": not in the page's text at all
            String where = locatedText.indexOf(n) >= 0 ? "inside" : pruned.contains(n) ? "not-located"
                    : raw.body() != null && Normalize.text(raw.body().text()).contains(n) ? "pruned" : "nowhere";
            out.println("  MISSED with (" + where + "): " + n);
            Element holder = holderOf(raw, n);
            if (holder != null) {
                out.println("      in: " + path(holder));
            }
        }
        for (String s : found) {
            String n = Normalize.text(s);
            out.println("  FOUND without" + (locatedText.indexOf(n) >= 0 ? "" : " (title?)") + ": " + n);
            Element holder = holderOf(raw, n);
            if (holder != null) {
                out.println("      in: " + path(holder));
            }
        }
    }

    /** Chrome removal, prune and locate, exactly as the pipeline's html-to-text stage runs them. */
    private static List<Element> locate(MainContentLocator locator, Document doc) {
        return new HtmlToText(ContractJson.mapper(), locator).locateBody(doc, new HtmlMetadata());
    }

    /** The innermost element of the raw page whose text contains the snippet, if any. */
    private static Element holderOf(Document doc, String snippet) {
        Element best = null;
        for (Element e : doc.getAllElements()) {
            if (e.text().contains(snippet)) {
                best = e; // getAllElements is in document order: later matches are descendants or later elements
            }
        }
        return best;
    }

    private static String path(Element e) {
        List<String> parts = new ArrayList<>();
        for (Element p = e; p != null && !"#root".equals(p.normalName()); p = p.parent()) {
            StringBuilder sb = new StringBuilder(p.normalName());
            if (!p.id().isEmpty()) {
                sb.append('#').append(p.id());
            }
            if (!p.className().isEmpty()) {
                String[] classes = p.className().strip().split("\\s+");
                for (int i = 0; i < Math.min(3, classes.length); i++) {
                    sb.append('.').append(classes[i]);
                }
            }
            if (!p.attr("itemprop").isEmpty()) {
                sb.append("[itemprop=").append(p.attr("itemprop")).append(']');
            }
            parts.add(0, sb.toString());
        }
        return String.join(" > ", parts);
    }

    private static void htmldate(Path dir, Map<String, Map<String, String>> saved, JsonNode old) throws Exception {
        PrfCounter[] prf = {new PrfCounter(), new PrfCounter(), new PrfCounter()};
        Map<String, String> out = new LinkedHashMap<>();
        String[][] sets = {{"eval_default.json", "cache", "eval"}, {"eval_mediacloud_2020.json", "test_set"}};
        int index = 0;
        for (String[] set : sets) {
            Path[] folders = new Path[set.length - 1];
            for (int i = 1; i < set.length; i++) {
                folders[i - 1] = dir.resolve(set[i]);
            }
            JsonNode items = DataFiles.json(dir.resolve(set[0]));
            for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); index++) {
                Map.Entry<String, JsonNode> item = it.next();
                Path page = DataFiles.find(item.getValue().path("file").asText(), folders);
                if (page == null) {
                    continue;
                }
                ArticleDraft draft = EvalPipeline.html(DataFiles.page(page), item.getKey());
                String found = draft.publishedDate() == null ? null : draft.publishedDate().toString();
                out.put(item.getKey(), String.valueOf(found));
                if (old != null && old.path("htmldate").has(item.getKey())
                        && !old.path("htmldate").path(item.getKey()).asText().equals(String.valueOf(found))) {
                    System.out.printf(Locale.ROOT, "date changed %s: %s -> %s (gold %s)%n", item.getKey(),
                            old.path("htmldate").path(item.getKey()).asText(), found, item.getValue().path("date").asText());
                }
                String gold = Normalize.date(item.getValue().path("date").asText(null));
                if (gold == null) {
                    continue;
                }
                HtmldateSection.score(prf[0], found, gold);
                HtmldateSection.score(prf[1 + index % 2], found, gold);
            }
        }
        saved.put("htmldate", out);
        System.out.printf(Locale.ROOT, "htmldate F1 all / even / odd: %.3f / %.3f / %.3f (P %.3f R %.3f)%n", prf[0].f1(),
                prf[1].f1(), prf[2].f1(), prf[0].precision(), prf[0].recall());
    }
}
