package io.newsflow.localkafka;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts and stops a real Kafka broker in a separate JVM. This class uses no Kafka types, so it can sit on
 * any classpath (a Quarkus test, a CLI) without dragging the broker's dependencies along.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    /** System property naming the folder with the broker's jars (target/kafka-libs of this module). */
    public static final String LIBS_PROPERTY = "newsflow.kafka.libs";

    private final Process process;
    private final String bootstrapServers;
    private final Path dir;
    private final boolean deleteOnStop;

    private LocalKafkaBroker(Process process, String bootstrapServers, Path dir, boolean deleteOnStop) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.dir = dir;
        this.deleteOnStop = deleteOnStop;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public long pid() {
        return process.pid();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Stops the broker (graceful first, then forcibly) and deletes its folder if it was temporary. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (deleteOnStop) {
            deleteRecursively(dir);
        }
    }

    public static final class Builder {
        private Path dir;
        private String host = "127.0.0.1";
        private int port;
        private int controllerPort;
        private int partitions = 6;
        private final List<String> topics = new ArrayList<>();
        private boolean dieWithParent = true;
        private Duration startTimeout = Duration.ofSeconds(90);
        private String heap = "512m";

        /** Folder for config, data and log; a temporary folder (deleted on stop) when not set. */
        public Builder dir(Path dir) {
            this.dir = dir;
            return this;
        }

        /** Client port; 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        public Builder topics(String... names) {
            topics.addAll(List.of(names));
            return this;
        }

        public Builder topics(List<String> names) {
            topics.addAll(names);
            return this;
        }

        public Builder dieWithParent(boolean dieWithParent) {
            this.dieWithParent = dieWithParent;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        public LocalKafkaBroker start() {
            try {
                return doStart();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private LocalKafkaBroker doStart() throws IOException {
            boolean temporary = dir == null;
            Path brokerDir = temporary ? Files.createTempDirectory("newsflow-kafka-") : dir;
            Files.createDirectories(brokerDir);
            int[] free = distinctFreePorts(2);
            int clientPort = port == 0 ? free[0] : port;
            // free[0] and free[1] differ, so one of them differs from a fixed client port too
            int ctlPort = controllerPort != 0 ? controllerPort : (free[1] != clientPort ? free[1] : free[0]);
            Path readyFile = brokerDir.resolve("ready");
            Files.deleteIfExists(readyFile);
            Path log = brokerDir.resolve("broker.log");

            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xmx" + heap);
            cmd.add("-XX:+UseSerialGC");
            cmd.add("-Dlog4j2.configurationFile=classpath:newsflow-kafka-log4j2.properties");
            cmd.add("-cp");
            cmd.add(classpath());
            cmd.add(BrokerMain.class.getName());
            cmd.addAll(List.of("--dir", brokerDir.toString(), "--host", host,
                    "--port", String.valueOf(clientPort), "--controller-port", String.valueOf(ctlPort),
                    "--partitions", String.valueOf(partitions), "--topics", String.join(",", topics),
                    "--ready-file", readyFile.toString()));
            if (dieWithParent) {
                cmd.addAll(List.of("--parent-pid", String.valueOf(ProcessHandle.current().pid())));
            }
            Process process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            long deadline = System.nanoTime() + startTimeout.toNanos();
            while (!Files.exists(readyFile)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited with code " + process.exitValue()
                            + " before it was ready; see " + log + ":\n" + tail(log));
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Kafka broker not ready after " + startTimeout
                            + "; see " + log + ":\n" + tail(log));
                }
                sleep(100);
            }
            return new LocalKafkaBroker(process, host + ":" + clientPort, brokerDir, temporary);
        }
    }

    /** The broker's classpath: every jar of the kafka-libs folder plus the jar (or classes) of this module. */
    static String classpath() {
        Path libs = locateLibs();
        String self;
        try {
            self = Path.of(LocalKafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return self + File.pathSeparator + libs.toAbsolutePath() + File.separator + "*";
    }

    /**
     * Finds the broker jars: the {@value #LIBS_PROPERTY} system property, else NEWSFLOW_KAFKA_LIBS, else
     * local-kafka/target/kafka-libs in the working directory or one of its parents (a reactor checkout).
     */
    static Path locateLibs() {
        String configured = System.getProperty(LIBS_PROPERTY, System.getenv("NEWSFLOW_KAFKA_LIBS"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (!isLibDir(p)) {
                throw new IllegalStateException(LIBS_PROPERTY + "=" + p + " holds no kafka_2.13 jar; build it with "
                        + "'./mvnw -pl local-kafka package'");
            }
            return p;
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("local-kafka").resolve("target").resolve("kafka-libs");
            if (isLibDir(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Kafka broker jars not found: set -D" + LIBS_PROPERTY
                + " or build them with './mvnw -pl local-kafka package' (they go to local-kafka/target/kafka-libs)");
    }

    private static boolean isLibDir(Path p) {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> files = Files.list(p)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Free ports, all different: every socket stays open until all ports are chosen. (Asking for one free port at a
     * time let the OS hand out the same port twice, and the broker refused a client and a controller listener on
     * one port.)
     */
    static int[] distinctFreePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                socket.setReuseAddress(true);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp folder left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
