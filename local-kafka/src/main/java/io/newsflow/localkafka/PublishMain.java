package io.newsflow.localkafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes articles to the raw topic for the local stack ({@code ./newsflow publish}, {@code ./newsflow load}).
 * Runs on the broker's classpath so that no service classpath is involved.
 * <ul>
 * <li>a folder is walked in name order; {@code .txt/.text/.html/.htm} (optionally {@code .gz}) files are sent as bare
 * content, {@code .json} as one envelope (or one per element of a top-level array), {@code .ndjson/.jsonl} one
 * envelope per non-blank line; other files are skipped and counted;</li>
 * <li>{@code --generate N} instead sends N synthetic envelopes built from the paragraphs of the given text files
 * (for load runs), each with its own URL under {@code --source}.</li>
 * </ul>
 */
public final class PublishMain {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BARE_EXTENSIONS = List.of(".txt", ".text", ".html", ".htm");

    private PublishMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i].substring(2), args[++i]);
            } else {
                paths.add(Path.of(args[i]));
            }
        }
        String bootstrap = opts.getOrDefault("bootstrap", "127.0.0.1:9092");
        String topic = opts.getOrDefault("topic", "articles.raw");
        String source = opts.get("source");
        PrintStream err = System.err;

        List<byte[]> values = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (opts.containsKey("generate")) {
            values.addAll(generate(Integer.parseInt(opts.get("generate")), paths,
                    source == null ? "load" : source, opts.getOrDefault("run-id", "run")));
        } else {
            for (Path p : paths) {
                collect(p, values, skipped);
            }
        }
        if (values.isEmpty()) {
            err.println("nothing to publish" + (skipped.isEmpty() ? "" : " (skipped: " + skipped + ")"));
            System.exit(1);
        }

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 * 1024 * 1024));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());

        AtomicLong acked = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            int sent = 0;
            for (byte[] value : values) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, value);
                if (source != null && !opts.containsKey("generate")) {
                    record.headers().add("source", source.getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record, (meta, ex) -> {
                    if (ex != null) {
                        failures.add(ex.getMessage());
                    } else {
                        acked.incrementAndGet();
                    }
                });
                sent++;
                if (sent % 500 == 0 || sent == values.size()) {
                    err.printf("\rpublished %d/%d", sent, values.size());
                }
            }
            producer.flush();
        } catch (org.apache.kafka.common.KafkaException e) {
            err.println();
            err.println("could not publish to " + bootstrap + " (" + e.getMessage()
                    + "); is the stack up? try './newsflow status'");
            System.exit(2);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        err.println();
        System.out.printf(Locale.ROOT, "published %d record(s) to %s in %.2f s (%.0f records/s)%s%n", acked.get(),
                topic, seconds, acked.get() / Math.max(seconds, 1e-9),
                skipped.isEmpty() ? "" : "; skipped " + skipped.size() + " file(s) of unknown type");
        if (!failures.isEmpty()) {
            err.println(failures.size() + " record(s) failed, first: " + failures.peek());
            System.exit(3);
        }
    }

    private static void collect(Path p, List<byte[]> values, List<String> skipped) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    collectFile(f, values, skipped);
                }
            }
        } else if (Files.isRegularFile(p)) {
            collectFile(p, values, skipped);
        } else {
            throw new IllegalArgumentException("no such file or folder: " + p);
        }
    }

    private static void collectFile(Path f, List<byte[]> values, List<String> skipped) throws IOException {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gz = name.endsWith(".gz");
        String base = gz ? name.substring(0, name.length() - 3) : name;
        if (base.startsWith(".")) {
            return;
        }
        byte[] bytes;
        try (InputStream in = gz ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
            bytes = in.readAllBytes();
        }
        if (BARE_EXTENSIONS.stream().anyMatch(base::endsWith)) {
            values.add(bytes);
        } else if (base.endsWith(".ndjson") || base.endsWith(".jsonl")) {
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    values.add(line.strip().getBytes(StandardCharsets.UTF_8));
                }
            }
        } else if (base.endsWith(".json")) {
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            if (text.startsWith("[")) {
                for (JsonNode element : JSON.readTree(text)) {
                    values.add(JSON.writeValueAsBytes(element));
                }
            } else {
                values.add(bytes);
            }
        } else {
            skipped.add(f.toString());
        }
    }

    /** Synthetic but realistic envelopes: paragraphs of real articles recombined, unique per index. */
    private static List<byte[]> generate(int n, List<Path> corpus, String source, String runId) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        for (Path p : corpus) {
            List<byte[]> texts = new ArrayList<>();
            collect(p, texts, new ArrayList<>());
            for (byte[] t : texts) {
                for (String para : new String(t, StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
                    if (para.strip().length() > 80) {
                        paragraphs.add(para.strip());
                    }
                }
            }
        }
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("--generate needs text files with paragraphs, got " + corpus);
        }
        Random random = new Random(runId.hashCode());
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder body = new StringBuilder();
            int count = 3 + random.nextInt(6);
            for (int k = 0; k < count; k++) {
                body.append(paragraphs.get(random.nextInt(paragraphs.size()))).append("\n\n");
            }
            body.append("Report ").append(runId).append('-').append(i).append('.');
            String json = "{\"url\":\"https://" + source + ".example/" + runId + "/" + i + "\",\"source\":"
                    + quote(source) + ",\"title\":" + quote("Load article " + i + " of run " + runId)
                    + ",\"publishedAt\":\"" + base.plus(random.nextInt(700 * 24), ChronoUnit.HOURS)
                    + "\",\"content\":" + quote(body.toString()) + "}";
            out.add(json.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String quote(String s) throws IOException {
        return JSON.writeValueAsString(s);
    }

}
