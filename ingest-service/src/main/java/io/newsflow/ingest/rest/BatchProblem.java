package io.newsflow.ingest.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.newsflow.contracts.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A {@link Problem} for a batch with bad lines, extended (RFC 7807 extension member) with the lines that were
 * published anyway, so the client knows exactly what to fix and resend.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "RFC 7807 problem naming each bad line, plus the lines that were published anyway")
public record BatchProblem(String type, String title, int status, String detail, String instance,
        List<Problem.ItemError> errors,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<AcceptedArticle> accepted) {
}
