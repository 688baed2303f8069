package io.newsflow.bench;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.newsflow.enrich.pipeline.ArticleDraft;
import io.newsflow.enrich.pipeline.Pipeline;
import io.newsflow.enrich.pipeline.StandardPipeline;
import io.newsflow.eval.Peers;

/**
 * The whole enrichment chain per article, single thread, as enrich-service runs it (StandardPipeline with the
 * service defaults): plain-text seeds and HTML pages of article-extraction-benchmark, one page per invocation
 * in turn, so a sample is one article and the median is the median article. Readability4J and boilerpipe run
 * on the same HTML pages in the same run (extraction only: they do no metadata, entities or keywords).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
// Settings for a steady-state figure (docs/benchmarks.md, "HTML speed, fifth round"): C2 was still recompiling the
// pipeline's large methods after 8 x 3 s of warm-up, and each JVM ends up with its own inlining of them, so one
// fork's mean can be a third off another's: several forks sample that spread, a longer warm-up lets compilation
// settle. A fixed heap and G1 (the service's collector, named so that a smaller machine's ergonomics cannot pick
// another) keep the forks' memory alike; pre-touching keeps first-touch page faults out of the timings.
@Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 10, time = 6)
@Measurement(iterations = 5, time = 3)
public class EnrichmentBenchmark {

    private Pipeline pipeline;
    private List<BenchPages.Page> seeds;
    private List<BenchPages.Page> html;
    private int nextSeed;
    private int nextHtml;

    @Setup
    public void setUp() {
        pipeline = StandardPipeline.withServiceDefaults(Clock.systemUTC());
        seeds = BenchPages.seeds();
        html = BenchPages.aebPages();
    }

    private BenchPages.Page nextSeed() {
        BenchPages.Page p = seeds.get(nextSeed);
        nextSeed = (nextSeed + 1) % seeds.size();
        return p;
    }

    private BenchPages.Page nextHtml() {
        BenchPages.Page p = html.get(nextHtml);
        nextHtml = (nextHtml + 1) % html.size();
        return p;
    }

    /** Plain text (the seeds): boilerplate lines through keywords and the content hash. */
    @Benchmark
    public ArticleDraft pipelineText() {
        ArticleDraft draft = nextSeed().draft();
        pipeline.run(draft);
        return draft;
    }

    /** HTML (news pages): main-text extraction, metadata, and every text stage on the extracted text. */
    @Benchmark
    public ArticleDraft pipelineHtml() {
        ArticleDraft draft = nextHtml().draft();
        pipeline.run(draft);
        return draft;
    }

    /** Peer: Readability4J's article text on the same pages. */
    @Benchmark
    public String readability4jHtml() {
        BenchPages.Page p = nextHtml();
        return Peers.readability4j(p.content(), p.url());
    }

    /** Peer: boilerpipe's ArticleExtractor on the same pages. */
    @Benchmark
    public String boilerpipeHtml() {
        return Peers.boilerpipe(nextHtml().content());
    }
}
