package io.newsflow.ingest.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.contracts.ContractJson;
import io.quarkus.jackson.ObjectMapperCustomizer;

/** REST bodies use the same JSON conventions as the events (ISO-8601 instants, no silent coercion). */
@Singleton
public class ContractObjectMapperCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        ContractJson.configure(mapper);
    }
}
