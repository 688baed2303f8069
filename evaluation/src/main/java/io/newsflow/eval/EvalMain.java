package io.newsflow.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * {@code ./newsflow eval [--data DIR] [--json FILE] [--predictions DIR] [--only SECTION,...]}: runs every
 * {@link EvalSection} over a folder laid out like ../shared/data, skipping (with a note) sections whose sub-folder
 * is missing, and prints one table.
 */
public final class EvalMain {

    private EvalMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("newsflow.shared.data", "../shared/data"));
        Path json = null;
        Path predictions = null;
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length && a.startsWith("--")) {
                usage("missing value for " + a);
            }
            switch (a) {
                case "--data" -> data = Path.of(args[++i]);
                case "--json" -> json = Path.of(args[++i]);
                case "--predictions" -> predictions = Path.of(args[++i]);
                case "--only" -> only.addAll(List.of(args[++i].split(",")));
                default -> usage("unknown argument " + a);
            }
        }
        if (!Files.isDirectory(data)) {
            usage("no data folder at " + data.toAbsolutePath());
        }
        if (predictions != null) {
            Files.createDirectories(predictions);
        }
        EvalReport report = new EvalReport();
        for (EvalSection section : ServiceLoader.load(EvalSection.class)) {
            if (!only.isEmpty() && !only.contains(section.name())) {
                continue;
            }
            Path folder = data.resolve(section.dataFolder());
            if (!Files.isDirectory(folder)) {
                report.note(section.name() + ": skipped, no " + folder);
                continue;
            }
            long start = System.nanoTime();
            section.run(data, report, predictions);
            System.err.printf("%s: %.1f s%n", section.name(), (System.nanoTime() - start) / 1e9);
        }
        if (EvalPipeline.failures() > 0) {
            report.note("the pipeline failed on " + EvalPipeline.failures() + " pages (scored as empty output)");
        }
        report.printTable(System.out);
        if (json != null) {
            report.writeJson(json);
            System.out.println("JSON written to " + json);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ./newsflow eval [--data DIR] [--json FILE] [--predictions DIR] [--only SECTION,...]");
        System.exit(2);
    }
}
