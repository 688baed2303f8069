package io.newsflow.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A named entity found in an article.
 *
 * @param type        PERSON, ORG, LOCATION or COUNTRY (see {@link EntityTypes})
 * @param name        canonical name (e.g. "United States" for "U.S.")
 * @param canonicalId canonical id where one exists (ISO 3166 alpha-2 for countries), else null
 * @param mentions    how many times it is mentioned
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityMention(String type, String name, String canonicalId, int mentions) {
}
