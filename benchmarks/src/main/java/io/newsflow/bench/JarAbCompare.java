package io.newsflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Two builds of enrich-service compared in one JVM on a loaded machine: each jar in its own class loader (the other
 * libraries shared from the benchmarks' lib folder), the same pages run old/new interleaved (order alternating),
 * thread CPU time per article. Load hits both alike, so the ratio is meaningful where wall-clock medians are not.
 *
 * <pre>java -Dnewsflow.shared.data=DIR -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
 *     io.newsflow.bench.JarAbCompare OLD.jar NEW.jar WARMUP_ROUNDS ROUNDS [html|text]</pre>
 */
public final class JarAbCompare {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final Path LIB = Path.of(System.getProperty("newsflow.bench.lib", "benchmarks/target/lib"));

    private JarAbCompare() {
    }

    /** One enrich-service build: its StandardPipeline and ArticleDraft, reached by reflection. */
    private static final class Build {
        private final Object pipeline;
        private final Method run;
        private final Method builder;
        private final Class<?> builderClass;

        Build(Path jar, List<URL> shared) throws ReflectiveOperationException, java.net.MalformedURLException {
            List<URL> urls = new ArrayList<>();
            urls.add(jar.toUri().toURL());
            urls.addAll(shared);
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> factory = loader.loadClass("io.newsflow.enrich.pipeline.StandardPipeline");
            pipeline = factory.getMethod("withServiceDefaults", Clock.class).invoke(null, Clock.systemUTC());
            Class<?> draft = loader.loadClass("io.newsflow.enrich.pipeline.ArticleDraft");
            run = pipeline.getClass().getMethod("run", draft);
            builder = draft.getMethod("builder");
            builderClass = loader.loadClass("io.newsflow.enrich.pipeline.ArticleDraft$Builder");
        }

        /** Thread CPU nanoseconds of one pipeline run (the draft is built outside the timing). */
        long cpuNanos(BenchPages.Page page) throws ReflectiveOperationException {
            Object b = builder.invoke(null);
            builderClass.getMethod("content", String.class).invoke(b, page.content());
            builderClass.getMethod("contentType", String.class).invoke(b, page.contentType());
            builderClass.getMethod("url", String.class).invoke(b, page.url());
            Object draft = builderClass.getMethod("build").invoke(b);
            long start = CPU.getCurrentThreadCpuTime();
            run.invoke(pipeline, draft);
            return CPU.getCurrentThreadCpuTime() - start;
        }
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        boolean html = args.length <= 4 || "html".equals(args[4]);
        List<URL> shared = new ArrayList<>();
        try (Stream<Path> jars = Files.list(LIB)) {
            for (Path p : jars.filter(p -> !p.getFileName().toString().startsWith("enrich-service")).toList()) {
                shared.add(p.toUri().toURL());
            }
        }
        Build[] builds = {new Build(Path.of(args[0]), shared), new Build(Path.of(args[1]), shared)};
        List<BenchPages.Page> pages = html ? BenchPages.aebPages() : BenchPages.seeds();
        System.out.println(Machine.describe());
        for (int r = 0; r < warmup; r++) {
            for (BenchPages.Page p : pages) {
                builds[0].cpuNanos(p);
                builds[1].cpuNanos(p);
            }
        }
        long[][][] nanos = new long[2][pages.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < pages.size(); i++) {
                int first = (r + i) % 2; // alternate which build runs first
                nanos[first][i][r] = builds[first].cpuNanos(pages.get(i));
                nanos[1 - first][i][r] = builds[1 - first].cpuNanos(pages.get(i));
            }
        }
        double[][] perPage = new double[2][pages.size()];
        double[] ratios = new double[pages.size()];
        for (int i = 0; i < pages.size(); i++) {
            for (int b = 0; b < 2; b++) {
                long[] xs = nanos[b][i].clone();
                Arrays.sort(xs);
                perPage[b][i] = xs[rounds / 2] / 1e3; // the page's median over rounds, microseconds
            }
            ratios[i] = perPage[1][i] / perPage[0][i];
        }
        double oldSum = Arrays.stream(perPage[0]).sum();
        double newSum = Arrays.stream(perPage[1]).sum();
        Arrays.sort(ratios);
        System.out.printf("%s, %d pages x %d rounds; CPU us per article: old median %.0f mean %.0f | new median %.0f mean %.0f"
                + " | new/old %.3f (means), %.3f (median page)%n", html ? "HTML" : "text", pages.size(), rounds,
                median(perPage[0]), oldSum / pages.size(), median(perPage[1]), newSum / pages.size(), newSum / oldSum,
                ratios[ratios.length / 2]);
        System.out.println(Machine.describe());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
