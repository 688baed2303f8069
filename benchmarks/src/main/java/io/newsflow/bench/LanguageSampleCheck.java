package io.newsflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.enrich.pipeline.LanguageDetector;
import io.newsflow.enrich.pipeline.StandardPipeline;
import io.newsflow.eval.DataFiles;

/**
 * How the language stage's sample length trades accuracy for time: the clean text of every page of the
 * htmldate and trafilatura evaluation sets (many languages) is detected with each sample length given, against
 * the page's own {@code <html lang>} (pages without one are skipped). Evidence for
 * {@code newsflow.enrich.language.max-sample-length}; the pipeline itself never reads the lang attribute.
 */
public final class LanguageSampleCheck {

    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\blang\\s*=\\s*[\"']?([A-Za-z]{2,3})", Pattern.CASE_INSENSITIVE);
    private static final int ROUNDS = 5;

    private LanguageSampleCheck() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(Machine.describe());
        StandardPipeline.Settings defaults = StandardPipeline.Settings.serviceDefaults();
        var pipeline = StandardPipeline.withServiceDefaults(Clock.systemUTC());
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Path root = BenchPages.dataRoot();
        for (Path dir : List.of(root.resolve("htmldate-eval/test_set"), root.resolve("htmldate-eval/cache"),
                root.resolve("trafilatura-eval/cache"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    String html = DataFiles.page(f);
                    Matcher m = HTML_LANG.matcher(html);
                    if (!m.find()) {
                        continue;
                    }
                    ArticleDraft draft = ArticleDraft.builder().content(html).contentType("text/html").url(null).build();
                    pipeline.run(draft);
                    texts.add(draft.text());
                    labels.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        System.out.printf("%d pages with <html lang>%n%-8s %-12s %9s %9s %12s %14s%n", texts.size(), "sample", "detector",
                "agree", "und", "median us", "same as Lingua");
        for (String arg : args.length == 0 ? new String[] {"500", "1000", "1500", "3000"} : args) {
            List<String> linguaAnswers = null;
            for (boolean vote : new boolean[] {false, true}) {
                LanguageDetector detector = new LanguageDetector(defaults.list("language.candidates"), true,
                        defaults.bool("language.low-accuracy"), defaults.integer("language.min-text-length"),
                        defaults.decimal("language.min-confidence"), Integer.parseInt(arg), vote);
                int agree = 0;
                int und = 0;
                int sameAsLingua = 0;
                List<String> answers = new ArrayList<>();
                List<Long> times = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (int i = 0; i < texts.size(); i++) {
                        ArticleDraft d = ArticleDraft.of(texts.get(i), "text/plain");
                        d.text(texts.get(i));
                        long start = System.nanoTime();
                        detector.apply(d);
                        times.add(System.nanoTime() - start);
                        if (round == 0) {
                            answers.add(d.language());
                            agree += labels.get(i).equals(d.language()) ? 1 : 0;
                            und += LanguageDetector.UNDETERMINED.equals(d.language()) ? 1 : 0;
                            if (linguaAnswers != null && linguaAnswers.get(i).equals(d.language())) {
                                sameAsLingua++;
                            } else if (linguaAnswers != null) {
                                System.out.printf("  differs from Lingua: %s (Lingua) vs %s, <html lang> %s: %.80s%n",
                                        linguaAnswers.get(i), d.language(), labels.get(i), texts.get(i).replace('\n', ' '));
                            }
                        }
                    }
                }
                if (!vote) {
                    linguaAnswers = answers;
                } else {
                    java.util.Map<String, Integer> byLanguage = new java.util.TreeMap<>();
                    java.util.Map<String, Integer> votedByLanguage = new java.util.TreeMap<>();
                    for (int i = 0; i < texts.size(); i++) {
                        byLanguage.merge(labels.get(i), 1, Integer::sum);
                        if (detector.votedLanguage(texts.get(i)).isPresent()) {
                            votedByLanguage.merge(labels.get(i), 1, Integer::sum);
                        }
                    }
                    System.out.printf("  decided by the vote, per <html lang> (voted/pages): %s%n", byLanguage.keySet().stream()
                            .map(l -> l + " " + votedByLanguage.getOrDefault(l, 0) + "/" + byLanguage.get(l)).toList());
                }
                long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("%-8s %-12s %9.3f %9d %12.1f %14s%n", arg, vote ? "vote+Lingua" : "Lingua", agree / (double) texts.size(),
                        und, sorted[sorted.length / 2] / 1e3, vote ? String.format("%.3f", sameAsLingua / (double) texts.size()) : "-");
            }
        }
        System.out.println(Machine.describe());
    }
}
