package io.newsflow.eval.sections;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.eval.DataFiles;
import io.newsflow.eval.EvalPipeline;
import io.newsflow.eval.EvalReport;
import io.newsflow.eval.EvalSection;
import io.newsflow.eval.Peers;
import io.newsflow.eval.ShingleScorer;

/**
 * Main-text extraction on article-extraction-benchmark, scored as upstream (word 4-gram P/R/F1), for our pipeline
 * and the peers Readability4J and boilerpipe on the same pages.
 */
public final class AebSection implements EvalSection {

    static final String TARGET_F1 = ">= 0.96";

    @Override
    public String name() {
        return "aeb";
    }

    @Override
    public String dataFolder() {
        return "article-extraction-benchmark";
    }

    @Override
    public void run(Path dataRoot, EvalReport report, Path predictions) throws Exception {
        Path dir = dataRoot.resolve(dataFolder());
        JsonNode truth = DataFiles.json(dir.resolve("ground-truth.json"));
        Map<String, ShingleScorer> scorers = new LinkedHashMap<>();
        scorers.put("newsflow", new ShingleScorer());
        scorers.put("readability4j", new ShingleScorer());
        scorers.put("boilerpipe", new ShingleScorer());
        Map<String, Map<String, String>> ours = new LinkedHashMap<>();
        int missing = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> item = it.next();
            Path page = DataFiles.find(item.getKey() + ".html", dir.resolve("html"));
            if (page == null) {
                missing++;
                continue;
            }
            String html = DataFiles.page(page);
            String url = item.getValue().path("url").asText(null);
            String expected = item.getValue().path("articleBody").asText("");
            String text = EvalPipeline.html(html, url).text();
            ours.put(item.getKey(), Map.of("articleBody", text));
            scorers.get("newsflow").add(expected, text);
            scorers.get("readability4j").add(expected, Peers.readability4j(html, url));
            scorers.get("boilerpipe").add(expected, Peers.boilerpipe(html));
        }
        int cases = scorers.get("newsflow").documents();
        for (Map.Entry<String, ShingleScorer> e : scorers.entrySet()) {
            String key = "extraction.aeb." + e.getKey();
            ShingleScorer s = e.getValue();
            report.put(key + ".precision", s.precision());
            report.put(key + ".recall", s.recall());
            report.put(key + ".f1", s.f1());
            report.row("aeb extraction", e.getKey() + " precision", s.precision(), null, cases);
            report.row("aeb extraction", e.getKey() + " recall", s.recall(), null, cases);
            report.row("aeb extraction", e.getKey() + " F1", s.f1(), "newsflow".equals(e.getKey()) ? TARGET_F1 : null, cases);
        }
        report.put("extraction.aeb.cases", cases);
        if (missing > 0) {
            report.note("aeb: " + missing + " ground-truth items have no page in this data folder (held out)");
        }
        if (predictions != null) {
            DataFiles.mapper().writerWithDefaultPrettyPrinter().writeValue(predictions.resolve("aeb.json").toFile(), ours);
        }
    }
}
