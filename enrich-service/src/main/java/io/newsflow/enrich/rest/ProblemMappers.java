package io.newsflow.enrich.rest;

import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.newsflow.contracts.Problem;
import io.newsflow.contracts.ReasonCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Every error reaches HTTP clients as an RFC 7807 problem; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int BAD_REQUEST = 400;
    private static final int INTERNAL_ERROR = 500;

    @ServerExceptionMapper
    public Response preview(PreviewException e, @Context UriInfo uri) {
        return problem(e.status(), e.reason().code(), e.reason().description(), e.getMessage(), uri,
                List.of(new Problem.ItemError(null, null, e.reason().code(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, @Context UriInfo uri) {
        return problem(BAD_REQUEST, ReasonCode.INVALID_JSON.code(), ReasonCode.INVALID_JSON.description(),
                e.getOriginalMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, @Context UriInfo uri) {
        int status = e.getResponse() == null ? INTERNAL_ERROR : e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return problem(status, "http-" + status, title, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, @Context UriInfo uri) {
        LOG.error("unexpected error serving " + (uri == null ? "?" : uri.getPath()), e);
        return problem(INTERNAL_ERROR, "internal-error", "Internal error",
                "the request could not be processed; see the service log", uri, List.of());
    }

    static Response problem(int status, String code, String title, String detail, UriInfo uri,
            List<Problem.ItemError> errors) {
        Problem body = new Problem(Problem.typeFor(code), title, status, detail,
                uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
