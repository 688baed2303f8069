package io.newsflow.eval.sections;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.eval.DataFiles;
import io.newsflow.eval.EvalPipeline;
import io.newsflow.eval.EvalReport;
import io.newsflow.eval.EvalSection;
import io.newsflow.eval.Peers;

/**
 * trafilatura-eval: the with/without snippets of the main text (as upstream: whitespace normalised, substring
 * match; a found "with" snippet is a TP, a missing one an FN, a found "without" snippet an FP), plus title, date
 * and author accuracy over the items that have a gold value.
 */
public final class TrafilaturaSection implements EvalSection {

    @Override
    public String name() {
        return "trafilatura";
    }

    @Override
    public String dataFolder() {
        return "trafilatura-eval";
    }

    @Override
    public void run(Path dataRoot, EvalReport report, Path predictions) throws Exception {
        Path dir = dataRoot.resolve(dataFolder());
        JsonNode items = DataFiles.json(dir.resolve("evaldata.json"));
        Map<String, SnippetScore> snippets = new LinkedHashMap<>();
        snippets.put("newsflow", new SnippetScore());
        snippets.put("readability4j", new SnippetScore());
        snippets.put("boilerpipe", new SnippetScore());
        Accuracy title = new Accuracy();
        Accuracy date = new Accuracy();
        Accuracy author = new Accuracy();
        int cases = 0;
        int missing = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> item = it.next();
            JsonNode gold = item.getValue();
            // upstream looks in cache/ first, then eval/
            Path page = DataFiles.find(gold.path("file").asText(), dir.resolve("cache"), dir.resolve("eval"));
            if (page == null) {
                missing++;
                continue;
            }
            cases++;
            String html = DataFiles.page(page);
            String url = item.getKey().startsWith("http") ? item.getKey() : null;
            ArticleDraft draft = EvalPipeline.html(html, url);
            List<String> with = strings(gold.path("with"));
            List<String> without = strings(gold.path("without"));
            snippets.get("newsflow").add(ourVisibleText(draft), with, without);
            snippets.get("readability4j").add(Peers.readability4j(html, url), with, without);
            snippets.get("boilerpipe").add(Peers.boilerpipe(html), with, without);
            String goldTitle = gold.path("title").asText("");
            if (!goldTitle.isBlank()) {
                title.add(Normalize.title(goldTitle).equals(Normalize.title(draft.title())));
            }
            String goldDate = Normalize.date(gold.path("date").asText(null));
            if (goldDate != null) {
                String ours = draft.publishedDate() == null ? null : draft.publishedDate().toString();
                date.add(goldDate.equals(ours));
            }
            List<String> goldAuthors = strings(gold.path("author"));
            if (!Normalize.authors(goldAuthors).isEmpty()) {
                author.add(Normalize.authors(goldAuthors).equals(Normalize.authors(draft.authors())));
            }
        }
        String section = "trafilatura-eval";
        for (Map.Entry<String, SnippetScore> e : snippets.entrySet()) {
            SnippetScore s = e.getValue();
            boolean ours = "newsflow".equals(e.getKey());
            String key = ours ? "extraction.trafilatura_eval" : "extraction.trafilatura_eval.peers." + e.getKey();
            report.put(key + (ours ? ".snippets" : ".f1"), s.f1());
            report.put(key + ".snippets_precision", s.precision());
            report.put(key + ".snippets_recall", s.recall());
            report.put(key + ".snippets_accuracy", s.accuracy());
            report.row(section, e.getKey() + " snippets F1", s.f1(), ours ? ">= 0.93" : null, cases);
            report.row(section, e.getKey() + " snippets P / R", String.format(java.util.Locale.ROOT, "%.3f / %.3f",
                    s.precision(), s.recall()), null, cases);
        }
        report.put("extraction.trafilatura_eval.title", title.value());
        report.put("extraction.trafilatura_eval.date", date.value());
        report.put("extraction.trafilatura_eval.author", author.value());
        report.put("extraction.trafilatura_eval.cases", cases);
        report.put("extraction.trafilatura_eval.title_cases", title.cases());
        report.put("extraction.trafilatura_eval.date_cases", date.cases());
        report.put("extraction.trafilatura_eval.author_cases", author.cases());
        report.row(section, "title accuracy", title.value(), null, title.cases());
        report.row(section, "date accuracy", date.value(), null, date.cases());
        report.row(section, "author accuracy", author.value(), null, author.cases());
        if (missing > 0) {
            report.note("trafilatura-eval: " + missing + " items have no page in this data folder (held out)");
        }
    }

    /** What a reader of our output sees: the title line and the clean text. */
    private static String ourVisibleText(ArticleDraft draft) {
        return draft.title() == null ? draft.text() : draft.title() + "\n\n" + draft.text();
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(n -> {
                if (n.isTextual()) {
                    out.add(n.asText());
                }
            });
        }
        return out;
    }

    /** Snippet matching as trafilatura's eval_common. */
    static final class SnippetScore {
        int tp;
        int fn;
        int fp;
        int tn;

        void add(String extracted, List<String> with, List<String> without) {
            String text = Normalize.text(extracted);
            for (String s : with) {
                if (text.contains(Normalize.text(s))) {
                    tp++;
                } else {
                    fn++;
                }
            }
            for (String s : without) {
                if (text.contains(Normalize.text(s))) {
                    fp++;
                } else {
                    tn++;
                }
            }
        }

        double precision() {
            return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        }

        double accuracy() {
            int all = tp + fn + fp + tn;
            return all == 0 ? 0 : (tp + tn) / (double) all;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    static final class Accuracy {
        private int right;
        private int cases;

        void add(boolean correct) {
            cases++;
            if (correct) {
                right++;
            }
        }

        double value() {
            return cases == 0 ? 0 : right / (double) cases;
        }

        int cases() {
            return cases;
        }
    }
}
