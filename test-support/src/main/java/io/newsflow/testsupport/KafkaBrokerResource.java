package io.newsflow.testsupport;

import java.util.Map;

import io.newsflow.contracts.Topics;
import io.newsflow.localkafka.LocalKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real Kafka broker (KRaft, own JVM) on free ports with the pipeline's topics, and points the
 * service's {@code kafka.bootstrap.servers} at it. Arg {@code partitions} (default 6) sets the topics'
 * partition count. The broker dies with the test JVM even if {@link #stop()} is never reached.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private LocalKafkaBroker broker;
    private int partitions = 6;

    @Override
    public void init(Map<String, String> initArgs) {
        partitions = Integer.parseInt(initArgs.getOrDefault("partitions", "6"));
    }

    @Override
    public Map<String, String> start() {
        broker = LocalKafkaBroker.builder().partitions(partitions).topics(Topics.ALL).start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker == null ? null : broker.bootstrapServers(),
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaBootstrap.class, String.class));
    }
}
