package io.newsflow.localkafka;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Entry point of the broker JVM (classpath: target/kafka-libs plus this module's jar).
 * Writes a one-node KRaft configuration, formats the storage on first start, runs {@code kafka.Kafka},
 * creates the requested topics, then signals readiness by writing the ready file.
 * When a parent pid is given, the broker exits as soon as that process is gone, so a crashed test JVM
 * never leaves an orphan broker behind.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path dir = Path.of(required(opts, "dir")).toAbsolutePath();
        String host = opts.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(required(opts, "port"));
        int controllerPort = Integer.parseInt(required(opts, "controller-port"));
        int partitions = Integer.parseInt(opts.getOrDefault("partitions", "6"));
        List<String> topics = opts.containsKey("topics") && !opts.get("topics").isBlank()
                ? Arrays.asList(opts.get("topics").split(","))
                : List.of();
        Path readyFile = opts.containsKey("ready-file") ? Path.of(opts.get("ready-file")) : dir.resolve("ready");

        if (opts.containsKey("parent-pid")) {
            watchParent(Long.parseLong(opts.get("parent-pid")));
        }

        Files.createDirectories(dir);
        Files.deleteIfExists(readyFile);
        Path dataDir = dir.resolve("data");
        Path config = dir.resolve("server.properties");
        writeConfig(config, dataDir, host, port, controllerPort);

        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            String clusterId = opts.getOrDefault("cluster-id", "bmV3c2Zsb3ctbG9jYWwtMQ");
            int rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"},
                    new PrintStream(System.out, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                System.err.println("newsflow-kafka: formatting " + dataDir + " failed with code " + rc);
                System.exit(2);
            }
        }

        Thread broker = new Thread(() -> kafka.Kafka.main(new String[] {config.toString()}), "kafka-main");
        broker.setDaemon(false);
        broker.start();

        createTopics(host + ":" + port, topics, partitions);
        Files.writeString(readyFile, host + ":" + port + System.lineSeparator(), StandardCharsets.UTF_8);
        System.out.println("NEWSFLOW-KAFKA-READY " + host + ":" + port);
    }

    private static void writeConfig(Path config, Path dataDir, String host, int port, int controllerPort)
            throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir.toString());
        // One node: internal topics cannot be replicated, and consumers should not wait for other members.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "6");
        p.setProperty("log.retention.hours", "168");
        p.setProperty("message.max.bytes", String.valueOf(8 * 1024 * 1024));
        try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, "written by newsflow local-kafka; regenerated at each start");
        }
    }

    private static void createTopics(String bootstrap, List<String> topics, int partitions) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = Admin.create(props)) {
            // The first call also proves that the broker answers.
            while (true) {
                try {
                    admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    break;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
            List<NewTopic> wanted = new ArrayList<>();
            for (String t : topics) {
                wanted.add(new NewTopic(t.trim(), partitions, (short) 1));
            }
            for (var entry : admin.createTopics(wanted).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static void watchParent(long pid) {
        Thread watcher = new Thread(() -> {
            while (true) {
                var parent = ProcessHandle.of(pid);
                if (parent.isEmpty() || !parent.get().isAlive()) {
                    System.err.println("newsflow-kafka: parent process " + pid + " is gone; shutting down");
                    System.exit(0);
                }
                try {
                    Thread.sleep(Duration.ofMillis(500).toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }
}
