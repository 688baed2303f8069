package io.newsflow.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.enrich.pipeline.Pipeline;
import io.newsflow.enrich.pipeline.StandardPipeline;
import io.newsflow.eval.DataFiles;

/**
 * Writes every output field of the pipeline for every real page the evaluation reads (seeds, article-extraction-
 * benchmark, trafilatura-eval, htmldate-eval) to one text file, so a speed change can be checked to keep the output
 * byte for byte: dump before, dump after, {@code diff}. The clock is fixed so "never a future date" cannot differ.
 *
 * <pre>java -Dnewsflow.shared.data=DIR -cp ... io.newsflow.bench.OutputDump out.txt</pre>
 */
public final class OutputDump {

    /** A fixed "now" for the date stage's future check (later than any page in the shared data). */
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    private OutputDump() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "output-dump.txt");
        Pipeline pipeline = StandardPipeline.withServiceDefaults(Clock.fixed(NOW, ZoneOffset.UTC));
        Path root = BenchPages.dataRoot();
        Map<String, BenchPages.Page> pages = new LinkedHashMap<>();
        int seed = 0;
        for (BenchPages.Page p : BenchPages.seeds()) {
            pages.put("seed " + seed++, p);
        }
        Path aeb = root.resolve("article-extraction-benchmark");
        indexed(pages, "aeb", DataFiles.json(aeb.resolve("ground-truth.json")), true, aeb.resolve("html"));
        Path traf = root.resolve("trafilatura-eval");
        indexed(pages, "trafilatura", DataFiles.json(traf.resolve("evaldata.json")), false, traf.resolve("cache"),
                traf.resolve("eval"));
        Path htmldate = root.resolve("htmldate-eval");
        indexed(pages, "htmldate", DataFiles.json(htmldate.resolve("eval_default.json")), false,
                htmldate.resolve("cache"), htmldate.resolve("eval"));
        indexed(pages, "htmldate-mc", DataFiles.json(htmldate.resolve("eval_mediacloud_2020.json")), false,
                htmldate.resolve("test_set"));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (Map.Entry<String, BenchPages.Page> e : pages.entrySet()) {
                ArticleDraft d = e.getValue().draft();
                pipeline.run(d);
                w.println("=== " + e.getKey());
                w.println("title: " + d.title());
                w.println("authors: " + d.authors());
                w.println("publishedAt: " + d.publishedAt() + " / " + d.publishedDate());
                w.println("language: " + d.language() + " " + d.languageConfidence());
                w.println("canonical: " + d.canonicalUrl() + " source: " + d.source());
                w.println("lede: " + d.lede());
                w.println("words: " + d.wordCount() + " reading: " + d.readingTimeMinutes() + " hash: " + d.contentHash());
                w.println("provenance: " + d.provenance());
                w.println("entities: " + d.entities());
                w.println("keywords: " + d.keywords());
                w.println("text:");
                w.println(d.text());
            }
        }
        System.out.println(pages.size() + " pages written to " + out);
    }

    /** Pages of one index ({@code key -> {file, url?}}); AEB's keys are file names, the others' are URLs. */
    private static void indexed(Map<String, BenchPages.Page> pages, String set, JsonNode index, boolean keyIsFile,
            Path... dirs) throws IOException {
        for (Iterator<Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> item = it.next();
            String file = keyIsFile ? item.getKey() + ".html" : item.getValue().path("file").asText();
            Path page = DataFiles.find(file, dirs);
            if (page == null) {
                continue;
            }
            String url = keyIsFile ? item.getValue().path("url").asText(null)
                    : item.getKey().startsWith("http") ? item.getKey() : null;
            pages.put(set + " " + item.getKey(), new BenchPages.Page(DataFiles.page(page), "text/html", url));
        }
    }
}
