package io.newsflow.query.rest;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.newsflow.query.domain.SearchParameters;

/** The article filters shared by /stories, /entities, /histogram and /stream (same meaning as on /articles). */
public class FilterParams {

    @Parameter(description = "Full-text query in web-search syntax: words, \"quoted phrases\", OR, -word",
            example = "earthquake -drill")
    @QueryParam("q")
    public String q;

    @Parameter(description = "Keep only these sources (repeatable)", example = "reuters.com")
    @QueryParam("source")
    public List<String> source;

    @Parameter(description = "Keep only these languages, BCP-47 tags (repeatable)", example = "en")
    @QueryParam("lang")
    public List<String> lang;

    @Parameter(description = "Keep only articles mentioning this entity, by id or canonical name "
            + "(repeatable: all must be mentioned)", example = "JP")
    @QueryParam("entity")
    public List<String> entity;

    @Parameter(description = "Keep only these stories (repeatable)", example = "us-japan-taiwan-plan-2021-12")
    @QueryParam("story")
    public List<String> story;

    @Parameter(description = "Published on or after: ISO date (UTC day) or date-time", example = "2024-05-01")
    @QueryParam("from")
    public String from;

    @Parameter(description = "Published on or before: ISO date (the whole UTC day) or date-time",
            example = "2024-05-31")
    @QueryParam("to")
    public String to;

    @Parameter(description = "Near-duplicates: exclude (default), include, or only",
            schema = @Schema(enumeration = {"exclude", "include", "only"}, defaultValue = "exclude"),
            example = "include")
    @QueryParam("duplicates")
    public String duplicates;

    SearchParameters toParameters() {
        return new SearchParameters(q, source, lang, from, to, null, duplicates, null, null, null, entity, story,
                null, null);
    }
}
