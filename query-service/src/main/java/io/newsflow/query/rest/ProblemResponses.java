package io.newsflow.query.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.contracts.Problem;

/** Builds RFC 7807 responses ({@code application/problem+json}). */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(ObjectMapper json, int status, String code, String title, String detail, String instance,
            List<Problem.ItemError> errors) {
        Problem problem = new Problem(Problem.typeFor(code), title, status, detail, instance, errors);
        String body;
        try {
            // Serialised here so the body does not depend on a writer being registered for problem+json.
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem is always serialisable", e);
        }
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
