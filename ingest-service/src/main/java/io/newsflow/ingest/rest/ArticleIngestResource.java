package io.newsflow.ingest.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.newsflow.contracts.Problem;
import io.newsflow.contracts.RawArticle;
import io.newsflow.contracts.ReasonCode;
import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.domain.ArticleIngestor;
import io.newsflow.ingest.domain.IngestChannel;
import io.newsflow.ingest.domain.IngestOutcome;
import io.newsflow.ingest.domain.NdjsonLines;
import io.newsflow.ingest.domain.Rejection;
import io.newsflow.ingest.messaging.ArticlePublisher;
import io.newsflow.ingest.metrics.IngestMetrics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * HTTP ingest. A 202 means durable: it is sent only after Kafka acked every published article. Validation and
 * normalisation are the same as on the Kafka path ({@link ArticleIngestor}). The endpoints run on worker threads
 * and wait there for the acks: normalising a large batch is CPU work that must stay off the event loop.
 */
@Path("/articles")
@Tag(name = "ingest", description = "Push raw articles into the pipeline")
public class ArticleIngestResource {

    private static final Logger LOG = Logger.getLogger(ArticleIngestResource.class);

    static final String NDJSON = "application/x-ndjson";
    static final String JSONL = "application/jsonl";

    private static final String SINGLE_EXAMPLE = """
            {"id":"reuters-2024-0042","url":"https://www.example.com/world/2024/04/22/taiwan-plan?utm_source=rss",\
            "source":"example.com","title":"US and Japan draw up joint plan","authors":["Jane Doe"],\
            "publishedAt":"2024-04-22T08:30:00Z","language":"en","contentType":"text/plain",\
            "content":"TOKYO - Japanese and American troops have drafted a joint operation plan..."}""";
    private static final String BATCH_EXAMPLE = """
            {"url":"https://example.com/a","title":"First","content":"Body of the first article."}
            {"source":"wire","publishedAt":"2024-04-22","content":"<p>Body of the second article.</p>"}
            """;

    private final ArticleIngestor ingestor;
    private final ArticlePublisher publisher;
    private final IngestMetrics metrics;
    private final IngestConfig config;
    private final Clock clock = Clock.systemUTC();

    public ArticleIngestResource(ArticleIngestor ingestor, ArticlePublisher publisher, IngestMetrics metrics,
            IngestConfig config) {
        this.ingestor = ingestor;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(summary = "Ingest one article",
            description = "Validates and normalises one raw article envelope and publishes it to the ingested "
                    + "topic. Answers 202 only after Kafka acknowledged the write. The id is deterministic (from "
                    + "the canonical URL, else source + publisher id, else source + content), so resending is "
                    + "idempotent.")
    @RequestBody(required = true, description = "A raw article envelope; only `content` is required.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RawArticle.class),
                    examples = @ExampleObject(name = "article", value = SINGLE_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Published; body lists the article id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IngestAccepted.class),
                    examples = @ExampleObject(name = "accepted",
                            value = "{\"accepted\":[{\"index\":0,\"id\":\"3f2a9c1d0b7e4a65\"}]}")))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid envelope (errors name the field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-envelope", value = """
                            {"type":"urn:newsflow:problem:invalid-envelope","title":"the JSON envelope has a field \
                            of the wrong type or value","status":400,"detail":"field 'title' has the wrong type",\
                            "instance":"/articles","errors":[{"field":"title","code":"invalid-envelope",\
                            "message":"field 'title' has the wrong type"}]}""")))
    @APIResponse(responseCode = "413", description = "Content or body over the configured limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type missing or not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; safe to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ingestOne(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body,
            @Context UriInfo uri) {
        String instance = uri.getPath();
        Optional<Response> refused = checkRequest(contentType, body, instance);
        if (refused.isPresent()) {
            return refused.get();
        }
        IngestOutcome outcome = ingestor.ingestEnvelope(body, charsetOf(contentType), IngestChannel.HTTP, now());
        if (outcome instanceof IngestOutcome.Rejected rejected) {
            Rejection r = rejected.rejection();
            metrics.rejected(IngestChannel.HTTP, r);
            int status = r.reason() == ReasonCode.TOO_LARGE ? Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()
                    : Response.Status.BAD_REQUEST.getStatusCode();
            return ProblemResponses.problem(status, r.code(), r.reason().description(), r.message(), instance,
                    List.of(new Problem.ItemError(null, r.field(), r.code(), r.message())));
        }
        var article = ((IngestOutcome.Accepted) outcome).article();
        return publisher.publish(article)
                .invoke(() -> metrics.accepted(IngestChannel.HTTP))
                .map(ignored -> Response.accepted(new IngestAccepted(List.of(new AcceptedArticle(0, article.id()))))
                        .type(MediaType.APPLICATION_JSON).build())
                .onFailure().recoverWithItem(e -> unavailable(e, instance))
                .await().indefinitely(); // bounded: publish() fails after newsflow.ingest.publish-timeout
    }

    @POST
    @Path("/batch")
    @Blocking
    @Consumes({ NDJSON, JSONL })
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(summary = "Ingest a batch of articles (NDJSON)",
            description = "One raw article envelope per non-blank line. Every valid line is published, whatever "
                    + "the other lines hold. 202 when all lines were published; 400 when some were bad: the "
                    + "problem's `errors` name each bad line (0-based line number) and `accepted` lists what "
                    + "was published anyway. Answers only after Kafka acknowledged the writes.")
    @RequestBody(required = true, description = "Newline-delimited JSON envelopes",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING), examples = @ExampleObject(name = "two articles",
                            value = BATCH_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Every line was published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IngestAccepted.class),
                    examples = @ExampleObject(name = "accepted", value = "{\"accepted\":[{\"index\":0,\"id\":"
                            + "\"3f2a9c1d0b7e4a65\"},{\"index\":1,\"id\":\"9b1e0c2d3a4f5e67\"}]}")))
    @APIResponse(responseCode = "400", description = "Empty body, or some lines were bad (the good ones were "
            + "published and are listed in `accepted`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = BatchProblem.class),
                    examples = @ExampleObject(name = "mixed batch", value = """
                            {"type":"urn:newsflow:problem:invalid-batch","title":"some lines of the batch were \
                            rejected","status":400,"detail":"1 of 2 lines rejected; the others were published",\
                            "instance":"/articles/batch","errors":[{"index":1,"code":"invalid-json",\
                            "message":"malformed JSON at line 1, column 2"}],\
                            "accepted":[{"index":0,"id":"3f2a9c1d0b7e4a65"}]}""")))
    @APIResponse(responseCode = "413", description = "Body over newsflow.ingest.max-batch-bytes or more lines "
            + "than newsflow.ingest.max-batch-items",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type missing or not application/x-ndjson",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; safe to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ingestBatch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body,
            @Context UriInfo uri) {
        String instance = uri.getPath();
        Optional<Response> refused = checkRequest(contentType, body, instance);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<NdjsonLines.Line> lines = NdjsonLines.split(body);
        if (lines.isEmpty()) {
            return ProblemResponses.problem(400, ReasonCode.EMPTY.code(), "empty batch",
                    "the body holds no envelope lines", instance);
        }
        if (lines.size() > config.maxBatchItems()) {
            return ProblemResponses.problem(413, ReasonCode.TOO_LARGE.code(), "batch too large",
                    "the batch has " + lines.size() + " lines, more than the limit of " + config.maxBatchItems(),
                    instance);
        }
        String charset = charsetOf(contentType);
        Instant now = now();
        List<Problem.ItemError> errors = new ArrayList<>();
        List<LineArticle> good = new ArrayList<>();
        for (NdjsonLines.Line line : lines) {
            IngestOutcome outcome = ingestor.ingestEnvelope(line.bytes(), charset, IngestChannel.HTTP, now);
            if (outcome instanceof IngestOutcome.Accepted a) {
                good.add(new LineArticle(line.index(), a.article()));
            } else {
                Rejection r = ((IngestOutcome.Rejected) outcome).rejection();
                metrics.rejected(IngestChannel.HTTP, r);
                errors.add(new Problem.ItemError(line.index(), r.field(), r.code(), r.message()));
            }
        }
        return Multi.createFrom().iterable(good)
                .onItem().transformToUni(la -> publisher.publish(la.article())
                        .invoke(() -> metrics.accepted(IngestChannel.HTTP))
                        .replaceWith(new AcceptedArticle(la.index(), la.article().id())))
                .merge(config.publishConcurrency())
                .collect().asList()
                .map(accepted -> {
                    accepted.sort(Comparator.comparingInt(AcceptedArticle::index));
                    return batchResponse(accepted, errors, lines.size(), instance);
                })
                .onFailure().recoverWithItem(e -> unavailable(e, instance))
                // bounded: each publish fails after newsflow.ingest.publish-timeout, and the first failure ends the merge
                .await().indefinitely();
    }

    private record LineArticle(int index, io.newsflow.contracts.IngestedArticle article) {
    }

    private static Response batchResponse(List<AcceptedArticle> accepted, List<Problem.ItemError> errors, int lines,
            String instance) {
        if (errors.isEmpty()) {
            return Response.accepted(new IngestAccepted(accepted)).type(MediaType.APPLICATION_JSON).build();
        }
        String code = "invalid-batch";
        BatchProblem body = new BatchProblem(Problem.typeFor(code), "some lines of the batch were rejected", 400,
                errors.size() + " of " + lines + " lines rejected; the others were published", instance, errors,
                accepted);
        return Response.status(Response.Status.BAD_REQUEST).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** Content-Type present and body within the request limit; the framework already matched the media type. */
    private Optional<Response> checkRequest(String contentType, byte[] body, String instance) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.of(ProblemResponses.problem(415, "unsupported-media-type", "Content-Type required",
                    "send Content-Type application/json (single) or application/x-ndjson (batch)", instance));
        }
        if (body != null && body.length > config.maxBatchBytes()) {
            return Optional.of(ProblemResponses.problem(413, ReasonCode.TOO_LARGE.code(), "request body too large",
                    "the body is " + body.length + " bytes, more than the limit of " + config.maxBatchBytes()
                            + " bytes",
                    instance));
        }
        if (body == null || body.length == 0) {
            return Optional.of(ProblemResponses.problem(400, ReasonCode.EMPTY.code(), "empty body",
                    "the request body is empty", instance));
        }
        return Optional.empty();
    }

    private static Response unavailable(Throwable e, String instance) {
        LOG.warnf("publish to Kafka failed: %s", e.toString());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.typeFor("kafka-unavailable"), "could not publish to Kafka", 503,
                        "the articles were not acknowledged by Kafka; retrying is safe (ids are deterministic)",
                        instance, List.of()))
                .build();
    }

    private static String charsetOf(String contentType) {
        return io.newsflow.ingest.domain.MediaType.parse(contentType).map(io.newsflow.ingest.domain.MediaType::charset)
                .orElse(null);
    }

    private Instant now() {
        return clock.instant();
    }
}
