package io.newsflow.enrich.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SysPropConfigSource;

/**
 * enrich-service's dedup settings outside the running service (evaluation, scale benchmark), read from its own
 * application.properties with the same mapping and expression rules, so both measure exactly what the service runs.
 * Environment variables are deliberately not a source: {@code ${ENV:default}} resolves to the shipped default, so a
 * stray variable in a shell cannot change a measurement; a system property of the same name overrides a value (for
 * tuning experiments).
 */
public final class OfflineDedupConfig {

    /** Quarkus's ordinal for application.properties: system properties (400) stay above it. */
    private static final int APPLICATION_PROPERTIES_ORDINAL = 250;
    private static final String GAZETTEER_KEY = "newsflow.enrich.entities.gazetteer-resource";

    private final SmallRyeConfig config;

    public OfflineDedupConfig() {
        URL properties = OfflineDedupConfig.class.getResource("/application.properties");
        if (properties == null) {
            throw new IllegalStateException("enrich-service's application.properties is not on the class path");
        }
        try {
            config = new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(DedupConfig.class)
                    .withSources(new PropertiesConfigSource(properties, APPLICATION_PROPERTIES_ORDINAL),
                            new SysPropConfigSource())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DedupConfig dedup() {
        return config.getConfigMapping(DedupConfig.class);
    }

    /** The entity gazetteer resource (the story features weigh its countries as the entity stage does). */
    public String gazetteerResource() {
        return config.getValue(GAZETTEER_KEY, String.class);
    }
}
