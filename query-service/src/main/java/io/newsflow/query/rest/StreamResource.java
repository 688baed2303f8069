package io.newsflow.query.rest;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.contracts.Problem;
import io.newsflow.query.config.QueryConfig;
import io.newsflow.query.domain.InvalidParametersException;
import io.newsflow.query.domain.ParameterErrors;
import io.newsflow.query.domain.SearchCriteria;
import io.newsflow.query.domain.SearchRequestParser;
import io.newsflow.query.persistence.StreamQueries;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Server-Sent Events of newly stored articles. Every stored article gets a position in a commit-ordered stream
 * (stream_event, numbered under the stream_clock row lock), shared by all instances through the database: a
 * client connected to any instance sees articles stored by every instance, and resuming after the last event id
 * it received misses nothing that is still stored.
 */
@Path("/stream")
@Tag(name = "Stream", description = "Live articles")
public class StreamResource {

    static final String ARTICLE_EVENT = "article";
    static final String READY_EVENT = "ready";
    private static final String EXAMPLE = """
            event: ready
            id: 1041
            data: {"position":1041}

            event: article
            id: 1042
            data: {"id":"3f1c0a9b7d2e4c11","source":"example.com","title":"Strong earthquake hits coastal region"}
            """;

    @Inject
    SearchRequestParser parser;

    @Inject
    StreamQueries stream;

    @Inject
    QueryConfig config;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Live stream of matching articles (SSE)",
            description = "Opens a Server-Sent-Events stream. It starts with a 'ready' event whose id is the current "
                    + "position, then sends an 'article' event (data: the article as in lists, id: its stream "
                    + "position) for each newly stored article matching the filters, within a second of it being "
                    + "stored. Reconnect with the Last-Event-ID header (or lastEventId=) to resume after that "
                    + "event: nothing still stored is missed. An article stored again (new version) is sent again.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    examples = @ExampleObject(name = "events", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(@BeanParam FilterParams filters,
            @Parameter(description = "Resume after this event id (set by EventSource on reconnect)", example = "1041")
            @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @Parameter(description = "Resume after this event id, for clients that cannot set headers",
                    example = "1041")
            @QueryParam("lastEventId") String lastEventIdParam,
            @Context Sse sse) throws InvalidParametersException {
        SearchCriteria criteria = parser.parseFilters(filters.toParameters());
        String resumeFrom = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader
                : lastEventIdParam;
        long start = resumeFrom == null || resumeFrom.isBlank() ? stream.head() : parsePosition(resumeFrom);
        AtomicLong position = new AtomicLong(start);
        int batch = config.stream().batchSize();

        OutboundSseEvent ready = sse.newEventBuilder().name(READY_EVENT).id(Long.toString(start))
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, "{\"position\":" + start + "}").build();
        Multi<OutboundSseEvent> articles = Multi.createFrom().ticks().every(config.stream().pollInterval())
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .concatMap(tick -> {
                    long head = stream.head();
                    if (head <= position.get()) {
                        return Multi.createFrom().empty();
                    }
                    List<StreamQueries.StreamItem> items = stream.after(criteria, position.get(), head, batch);
                    // Fewer than a batch: every event up to head was seen, matching or not.
                    position.set(items.size() < batch ? head : items.get(items.size() - 1).seq());
                    return Multi.createFrom().iterable(items).map(item -> event(sse, item));
                });
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(ready), articles);
    }

    private OutboundSseEvent event(Sse sse, StreamQueries.StreamItem item) {
        String data;
        try {
            data = json.writeValueAsString(ArticleView.summary(item.article(), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an article view is always serialisable", e);
        }
        return sse.newEventBuilder().name(ARTICLE_EVENT).id(Long.toString(item.seq()))
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, data).build();
    }

    private static long parsePosition(String value) throws InvalidParametersException {
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SearchRequestParser.invalid("Last-Event-ID", ParameterErrors.BAD_CURSOR,
                "Last-Event-ID must be an event id received from this stream");
    }
}
