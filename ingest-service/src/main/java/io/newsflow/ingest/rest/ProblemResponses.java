package io.newsflow.ingest.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.newsflow.contracts.Problem;

/** Builds {@code application/problem+json} responses. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response problem(int status, String code, String title, String detail, String instance,
            List<Problem.ItemError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.typeFor(code), title, status, detail, instance, errors))
                .build();
    }

    public static Response problem(int status, String code, String title, String detail, String instance) {
        return problem(status, code, title, detail, instance, List.of());
    }
}
