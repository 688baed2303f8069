package io.newsflow.ingest.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.newsflow.contracts.ReasonCode;

/** Every error leaves as {@code application/problem+json}; never a stack trace, never a 500 for bad input. */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return ProblemResponses.problem(status, codeFor(status), title, detailOf(e, status), uri.getPath());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return ProblemResponses.problem(400, ReasonCode.INVALID_JSON.code(), ReasonCode.INVALID_JSON.description(),
                "malformed JSON: " + e.getOriginalMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected error", e);
        return ProblemResponses.problem(500, "internal-error", "Internal Server Error",
                "the request could not be processed; see the service log", uri.getPath());
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> ReasonCode.TOO_LARGE.code();
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }

    private static String detailOf(WebApplicationException e, int status) {
        if (status >= 500) {
            return "the request could not be processed; see the service log";
        }
        return switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "method not allowed on this path";
            case 415 -> "unsupported Content-Type: send application/json (POST /articles) or application/x-ndjson "
                    + "(POST /articles/batch)";
            default -> e.getMessage() == null ? "bad request" : e.getMessage();
        };
    }
}
