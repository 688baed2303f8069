package io.newsflow.query.rest;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.query.domain.InvalidParametersException;

/** Exception mappers: every error, including the framework's own 404/405, leaves as problem+json. */
public final class ProblemMappers {

    static final String BAD_PARAMETER = "bad-parameter";

    private ProblemMappers() {
    }

    @Provider
    public static class InvalidParameters implements ExceptionMapper<InvalidParametersException> {
        @Inject
        ObjectMapper json;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(InvalidParametersException e) {
            return ProblemResponses.of(json, Response.Status.BAD_REQUEST.getStatusCode(), BAD_PARAMETER,
                    "Invalid request parameters", e.getMessage(), path(uri), e.errors());
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Inject
        ObjectMapper json;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(NotFoundException e) {
            return ProblemResponses.of(json, Response.Status.NOT_FOUND.getStatusCode(), "not-found", "Not Found",
                    e.getMessage(), path(uri), List.of());
        }
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Inject
        ObjectMapper json;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            String title = status.getReasonPhrase() == null ? "HTTP " + status.getStatusCode()
                    : status.getReasonPhrase();
            String code = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            return ProblemResponses.of(json, status.getStatusCode(), code, title, e.getMessage(), path(uri),
                    List.of());
        }
    }

    /** Malformed JSON in a request body (this API takes none today, but a client may still send one). */
    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonProcessingException> {
        @Inject
        ObjectMapper json;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonProcessingException e) {
            return ProblemResponses.of(json, Response.Status.BAD_REQUEST.getStatusCode(), "invalid-json",
                    "Malformed JSON", e.getOriginalMessage(), path(uri), List.of());
        }
    }

    /** Anything else is our fault: a 500 problem without internals; the details go to the log. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class);
        @Inject
        ObjectMapper json;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            LOG.error("unexpected error serving " + path(uri), e);
            return ProblemResponses.of(json, Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), "internal-error",
                    "Internal Server Error", "the request could not be served; see the service log", path(uri),
                    List.of());
        }
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
