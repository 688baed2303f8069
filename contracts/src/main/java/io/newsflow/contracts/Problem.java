package io.newsflow.contracts;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 7807 problem body ({@code application/problem+json}) returned by every service for a 4xx.
 *
 * @param type     URI reference naming the problem type, e.g. {@code urn:newsflow:problem:invalid-json}
 * @param title    short summary of the type
 * @param status   HTTP status code
 * @param detail   explanation of this occurrence
 * @param instance the request path
 * @param errors   one entry per bad item or parameter (batch ingest names each bad line)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<ItemError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One bad item or parameter.
     *
     * @param index   0-based position in a batch (null for a single item or a parameter)
     * @param field   the parameter or field concerned, if any
     * @param code    machine-readable code (a {@link ReasonCode#code()} or e.g. {@code bad-parameter})
     * @param message human-readable explanation
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemError(Integer index, String field, String code, String message) {
    }

    public static String typeFor(String code) {
        return "urn:newsflow:problem:" + code;
    }
}
