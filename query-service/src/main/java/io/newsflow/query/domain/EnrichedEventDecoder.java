package io.newsflow.query.domain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.DuplicateKinds;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.ReasonCode;

/**
 * Reads an {@code articles.enriched} record value and decides whether it is a storable event or poison
 * (to be dead-lettered with a reason).
 */
public final class EnrichedEventDecoder {

    /** Either {@code article} or {@code reason} + {@code message} is set. */
    public record Decoded(EnrichedArticle article, ReasonCode reason, String message) {

        static Decoded accepted(EnrichedArticle article) {
            return new Decoded(article, null, null);
        }

        static Decoded rejected(ReasonCode reason, String message) {
            return new Decoded(null, reason, message);
        }

        public boolean isAccepted() {
            return article != null;
        }
    }

    private EnrichedEventDecoder() {
    }

    public static Decoded decode(byte[] value) {
        if (value == null || value.length == 0) {
            return Decoded.rejected(ReasonCode.EMPTY, "the record has no value");
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            return Decoded.rejected(ReasonCode.INVALID_UTF8, "the record value is not valid UTF-8");
        }
        EnrichedArticle article;
        try {
            article = ContractJson.read(json, EnrichedArticle.class);
        } catch (JsonParseException e) {
            return Decoded.rejected(ReasonCode.INVALID_JSON, "not valid JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return Decoded.rejected(ReasonCode.INVALID_EVENT,
                    "JSON does not match EnrichedArticle: " + e.getOriginalMessage());
        } catch (IOException e) {
            return Decoded.rejected(ReasonCode.INVALID_JSON, "unreadable JSON: " + e.getMessage());
        }
        if (article == null) {
            return Decoded.rejected(ReasonCode.INVALID_EVENT, "the value is JSON null");
        }
        return validate(article);
    }

    private static Decoded validate(EnrichedArticle a) {
        if (a.id() == null || a.id().isBlank()) {
            return Decoded.rejected(ReasonCode.INVALID_EVENT, "the event has no id");
        }
        if (a.version() < 1) {
            return Decoded.rejected(ReasonCode.INVALID_EVENT, "version must be 1 or more, was " + a.version());
        }
        if (DuplicateKinds.EXACT.equals(a.duplicateKind()) && (a.duplicateOf() == null || a.duplicateOf().isBlank())) {
            return Decoded.rejected(ReasonCode.INVALID_EVENT, "an exact duplicate must name duplicateOf");
        }
        return Decoded.accepted(a);
    }
}
