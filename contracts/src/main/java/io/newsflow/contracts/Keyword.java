package io.newsflow.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A salient term of an article with its weight (higher is more salient). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Keyword(String term, double weight) {
}
