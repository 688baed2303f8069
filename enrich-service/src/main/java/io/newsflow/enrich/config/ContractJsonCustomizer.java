package io.newsflow.enrich.config;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.contracts.ContractJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST bodies use the same JSON mapping as the topics (ISO instants, strict string coercion). */
@Singleton
public class ContractJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        ContractJson.configure(mapper);
    }
}
