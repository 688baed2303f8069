package io.newsflow.ingest.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.newsflow.ingest.domain.ArticleIngestor;
import io.newsflow.ingest.domain.ArticleNormalizer;

/** Wires the plain-Java domain classes with their configuration. */
public class DomainBeans {

    @Produces
    @ApplicationScoped
    ArticleIngestor articleIngestor(IngestConfig config) {
        return new ArticleIngestor(new ArticleNormalizer(config.maxContentBytes()));
    }
}
