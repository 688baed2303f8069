package io.newsflow.enrich.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.IngestedArticle;
import io.newsflow.contracts.Problem;
import io.newsflow.contracts.ReasonCode;
import io.newsflow.contracts.UrlCanonicalizer;
import io.newsflow.enrich.config.EnrichConfig;
import io.newsflow.enrich.config.PipelineMetrics;
import io.newsflow.enrich.domain.EnrichmentService;
import io.newsflow.enrich.domain.Registration;
import io.newsflow.enrich.pipeline.ArticleDraft;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Try the pipeline: text, HTML or an article envelope in, the EnrichedArticle out. Nothing is stored or sent. */
@Path("/enrich/preview")
@Tag(name = "preview", description = "Run the enrichment pipeline without side effects")
public class PreviewResource {

    private static final int PAYLOAD_TOO_LARGE = 413;
    private static final int BAD_REQUEST = 400;

    @Inject
    EnrichmentService service;

    @Inject
    EnrichConfig config;

    @Inject
    PipelineMetrics metrics;

    @POST
    @Blocking
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrich an article without storing or publishing it",
            description = "Body: plain text, HTML, or a JSON envelope (IngestedArticle fields; publishedAt may be "
                    + "ISO-8601 or date text; 'author' or 'authors'). The result has version 0 (nothing is "
                    + "registered) and no duplicate information.")
    @APIResponse(responseCode = "200", description = "The enriched article",
            content = @Content(schema = @Schema(implementation = EnrichedArticle.class)))
    @APIResponse(responseCode = "400", description = "Empty content or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over the configured limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EnrichedArticle preview(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > config.preview().maxBytes()) {
            throw new PreviewException(PAYLOAD_TOO_LARGE, ReasonCode.TOO_LARGE,
                    "the body exceeds " + config.preview().maxBytes() + " bytes");
        }
        if (body == null || body.isBlank()) {
            throw new PreviewException(BAD_REQUEST, ReasonCode.EMPTY, "the body is empty");
        }
        String type = contentType == null ? MediaType.TEXT_PLAIN : contentType.toLowerCase(java.util.Locale.ROOT);
        IngestedArticle in = type.startsWith(MediaType.APPLICATION_JSON) ? fromJson(body)
                : bare(body, type.startsWith(MediaType.TEXT_HTML) ? ArticleDraft.CONTENT_TYPE_HTML : "text/plain");
        ArticleDraft draft = service.prepare(in, metrics);
        return service.complete(in, draft, new Registration(Registration.UNREGISTERED_VERSION, in.id()));
    }

    private static IngestedArticle bare(String content, String contentType) {
        return new IngestedArticle(ArticleIds.derive(null, null, null, content), null, null, null, null, null, null,
                null, null, null, contentType, content, Instant.now(), "http");
    }

    private static IngestedArticle fromJson(String body) {
        JsonNode root;
        try {
            root = ContractJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new PreviewException(BAD_REQUEST, ReasonCode.INVALID_JSON, "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PreviewException(BAD_REQUEST, ReasonCode.INVALID_ENVELOPE, "the JSON body must be an object");
        }
        String content = text(root, "content");
        if (content == null || content.isBlank()) {
            throw new PreviewException(BAD_REQUEST, ReasonCode.EMPTY, "the envelope has no content");
        }
        String url = text(root, "url");
        String source = text(root, "source");
        String publisherId = text(root, "publisherId");
        String id = text(root, "id") != null ? text(root, "id") : ArticleIds.derive(url, source, publisherId, content);
        List<String> authors = new ArrayList<>();
        if (root.path("authors").isArray()) {
            root.path("authors").forEach(a -> {
                if (a.isTextual()) {
                    authors.add(a.asText());
                }
            });
        } else if (text(root, "author") != null) {
            authors.add(text(root, "author"));
        }
        String published = text(root, "publishedAt");
        Instant publishedAt = null;
        String publishedAtText = text(root, "publishedAtText");
        if (published != null) {
            try {
                publishedAt = Instant.parse(published);
            } catch (DateTimeParseException e) {
                publishedAtText = published;
            }
        }
        String canonical = text(root, "canonicalUrl") != null ? text(root, "canonicalUrl")
                : UrlCanonicalizer.canonicalize(url).orElse(null);
        String contentType = text(root, "contentType");
        return new IngestedArticle(id, publisherId, url, canonical, source, text(root, "title"), authors, publishedAt,
                publishedAtText, text(root, "language"), contentType, content, Instant.now(), "http");
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new PreviewException(BAD_REQUEST, ReasonCode.INVALID_ENVELOPE, "field '" + field + "' must be a string");
        }
        return n.asText();
    }
}
