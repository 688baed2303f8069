package io.newsflow.eval.sections;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.eval.DataFiles;
import io.newsflow.eval.EvalPipeline;
import io.newsflow.eval.EvalReport;
import io.newsflow.eval.EvalSection;
import io.newsflow.eval.PrfCounter;

/**
 * Publication dates on htmldate-eval (eval_default.json and eval_mediacloud_2020.json), scored as upstream: the
 * same YYYY-MM-DD is a TP, another date an FP, no date an FN. Ours is the service's publishedDate (the day as the
 * page wrote it, like the gold; publishedAt is the instant). Items whose gold date is not a date (NaN) are
 * skipped.
 */
public final class HtmldateSection implements EvalSection {

    @Override
    public String name() {
        return "htmldate";
    }

    @Override
    public String dataFolder() {
        return "htmldate-eval";
    }

    @Override
    public void run(Path dataRoot, EvalReport report, Path predictions) throws Exception {
        Path dir = dataRoot.resolve(dataFolder());
        PrfCounter prf = new PrfCounter();
        Map<String, String> ours = new LinkedHashMap<>();
        int cases = 0;
        int missing = 0;
        int noGold = 0;
        String[][] sets = {{"eval_default.json", "cache", "eval"}, {"eval_mediacloud_2020.json", "test_set"}};
        for (String[] set : sets) {
            Path index = dir.resolve(set[0]);
            if (!index.toFile().isFile()) {
                report.note("htmldate: no " + set[0]);
                continue;
            }
            Path[] folders = new Path[set.length - 1];
            for (int i = 1; i < set.length; i++) {
                folders[i - 1] = dir.resolve(set[i]);
            }
            JsonNode items = DataFiles.json(index);
            for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> item = it.next();
                Path page = DataFiles.find(item.getValue().path("file").asText(), folders);
                if (page == null) {
                    missing++;
                    continue;
                }
                String url = item.getKey();
                ArticleDraft draft = EvalPipeline.html(DataFiles.page(page), url);
                String found = draft.publishedDate() == null ? null : draft.publishedDate().toString();
                ours.put(url, found);
                String gold = Normalize.date(item.getValue().path("date").asText(null));
                if (gold == null) {
                    noGold++;
                    continue;
                }
                cases++;
                score(prf, found, gold);
            }
        }
        report.put("dates.htmldate.precision", prf.precision());
        report.put("dates.htmldate.recall", prf.recall());
        report.put("dates.htmldate.f1", prf.f1());
        report.put("dates.htmldate.accuracy", cases == 0 ? 0.0 : prf.truePositives() / (double) cases);
        report.put("dates.htmldate.cases", cases);
        report.row("htmldate-eval", "date precision", prf.precision(), null, cases);
        report.row("htmldate-eval", "date recall", prf.recall(), null, cases);
        report.row("htmldate-eval", "date F1", prf.f1(), ">= 0.95", cases);
        if (missing > 0) {
            report.note("htmldate: " + missing + " items have no page in this data folder (held out)");
        }
        if (noGold > 0) {
            report.note("htmldate: " + noGold + " items without a gold date (NaN) not scored");
        }
        if (predictions != null) {
            DataFiles.mapper().writerWithDefaultPrettyPrinter().writeValue(predictions.resolve("dates.json").toFile(), ours);
        }
    }

    /** htmldate's scoring of one page: no date found is a miss, the gold day a hit, any other day a wrong answer. */
    static void score(PrfCounter prf, String found, String gold) {
        if (found == null) {
            prf.fn();
        } else if (found.equals(gold)) {
            prf.tp();
        } else {
            prf.fp();
        }
    }
}
