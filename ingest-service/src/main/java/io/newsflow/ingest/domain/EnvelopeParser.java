package io.newsflow.ingest.domain;

import java.io.IOException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.RawArticle;
import io.newsflow.contracts.ReasonCode;

/**
 * Reads a {@link RawArticle} envelope with the contract mapper and tells apart text that is not JSON at all
 * ({@code invalid-json}) from JSON whose fields have the wrong type ({@code invalid-envelope}).
 */
final class EnvelopeParser {

    private EnvelopeParser() {
    }

    /** True when the text is meant as a JSON envelope: its first non-blank character is '{'. */
    static boolean looksLikeEnvelope(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    static RawArticle parse(String json) throws RecordRejectedException {
        if (!looksLikeEnvelope(json)) {
            throw new RecordRejectedException(Rejection.of(ReasonCode.INVALID_JSON,
                    "expected a JSON object envelope starting with '{'"));
        }
        try {
            return ContractJson.read(json, RawArticle.class);
        } catch (IOException e) {
            throw new RecordRejectedException(classify(e));
        }
    }

    private static Rejection classify(IOException e) {
        // Databind wraps low-level parse errors met inside a field; the cause tells that the text is not JSON.
        StreamReadException syntax = syntaxError(e);
        if (syntax != null) {
            JsonLocation at = syntax.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Rejection.of(ReasonCode.INVALID_JSON, "malformed JSON" + where + ": "
                    + firstLine(syntax.getOriginalMessage()));
        }
        if (e instanceof JsonMappingException mapping) {
            String field = fieldPath(mapping);
            if (field.isEmpty()) {
                // e.g. trailing tokens after the object: the text as a whole is not one JSON value
                return Rejection.of(ReasonCode.INVALID_JSON, "malformed JSON: " + firstLine(mapping.getOriginalMessage()));
            }
            String what = e instanceof MismatchedInputException ? "has the wrong type" : "is invalid";
            return Rejection.ofField(ReasonCode.INVALID_ENVELOPE, field,
                    "field '" + field + "' " + what + ": " + firstLine(mapping.getOriginalMessage()));
        }
        return Rejection.of(ReasonCode.INVALID_JSON, "unreadable JSON: " + firstLine(e.getMessage()));
    }

    private static StreamReadException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException s) {
                return s;
            }
        }
        return null;
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
