package io.newsflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.newsflow.enrich.pipeline.Pipeline;
import io.newsflow.enrich.pipeline.StandardPipeline;

/**
 * Cost of each enrichment stage per article, from the pipeline's own per-stage timings (the same numbers the
 * service exports as metrics), single thread, after a warm-up: median, 90th percentile and mean per stage for
 * the plain-text seeds and the HTML pages. Complements the JMH figures, which time the whole chain.
 */
public final class StageCosts {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private StageCosts() {
    }

    public static void main(String[] args) {
        int warmupRounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.println(Machine.describe());
        Pipeline pipeline = StandardPipeline.withServiceDefaults(Clock.systemUTC());
        String which = args.length > 2 ? args[2] : "both"; // text, html or both (e.g. to profile one kind)
        if (!which.equals("html")) {
            report("plain text (seeds)", pipeline, BenchPages.seeds(), warmupRounds * 20, rounds * 20);
        }
        if (!which.equals("text")) {
            report("HTML (article-extraction-benchmark pages)", pipeline, BenchPages.aebPages(), warmupRounds, rounds);
        }
        System.out.println(Machine.describe());
    }

    private static void report(String label, Pipeline pipeline, List<BenchPages.Page> pages, int warmupRounds, int rounds) {
        for (int r = 0; r < warmupRounds; r++) {
            pages.forEach(p -> pipeline.run(p.draft()));
        }
        Map<String, List<Long>> byStage = new LinkedHashMap<>();
        List<Long> totals = new ArrayList<>();
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++) {
            for (BenchPages.Page p : pages) {
                Map<String, Long> timings = pipeline.run(p.draft());
                long total = 0;
                for (Map.Entry<String, Long> t : timings.entrySet()) {
                    byStage.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(t.getValue());
                    total += t.getValue();
                }
                totals.add(total);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        // CPU time is what this thread really used: on a shared, overloaded machine wall time is mostly waiting.
        System.out.printf("%n%s: %d pages x %d rounds, %.0f articles/s single thread (wall), %.0f articles/s per "
                + "CPU second, mean %.2f ms CPU per article%n", label, pages.size(), rounds, totals.size() / seconds,
                totals.size() / cpuSeconds, cpuSeconds * 1e3 / totals.size());
        System.out.printf("%-22s %10s %10s %10s%n", "stage", "median us", "p90 us", "mean us");
        byStage.forEach((stage, ns) -> row(stage, ns));
        row("whole chain", totals);
    }

    private static void row(String name, List<Long> ns) {
        long[] sorted = ns.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = ns.stream().mapToLong(Long::longValue).average().orElse(0);
        System.out.printf("%-22s %10.1f %10.1f %10.1f%n", name, sorted[sorted.length / 2] / 1e3,
                sorted[(int) (sorted.length * 0.9)] / 1e3, mean / 1e3);
    }
}
