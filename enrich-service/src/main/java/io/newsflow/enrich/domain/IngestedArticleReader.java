package io.newsflow.enrich.domain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.newsflow.contracts.ContractJson;
import io.newsflow.contracts.IngestedArticle;
import io.newsflow.contracts.ReasonCode;

/** Decodes and checks an {@link IngestedArticle} record value; classifies what is wrong with a bad one. */
public final class IngestedArticleReader {

    public IngestedArticle read(byte[] value) throws RejectedRecordException {
        if (value == null || value.length == 0) {
            throw reject(ReasonCode.EMPTY, "the record has no value");
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw reject(ReasonCode.INVALID_UTF8, "the value is not valid UTF-8");
        }
        return read(json);
    }

    public IngestedArticle read(String json) throws RejectedRecordException {
        IngestedArticle article;
        try {
            article = ContractJson.read(json, IngestedArticle.class);
        } catch (MismatchedInputException e) {
            throw reject(ReasonCode.INVALID_EVENT, "the JSON does not match the IngestedArticle contract: "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw reject(ReasonCode.INVALID_JSON, "the value is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw reject(ReasonCode.INVALID_JSON, "the value could not be read as JSON: " + e.getMessage());
        }
        if (article == null) {
            throw reject(ReasonCode.INVALID_EVENT, "the value is JSON null, not an IngestedArticle");
        }
        if (article.id() == null || article.id().isBlank()) {
            throw reject(ReasonCode.INVALID_EVENT, "the IngestedArticle has no id");
        }
        if (article.content() == null || article.content().isBlank()) {
            throw reject(ReasonCode.EMPTY, "the IngestedArticle has no content");
        }
        return article;
    }

    private static RejectedRecordException reject(ReasonCode code, String message) {
        return new RejectedRecordException(new Rejection(code, message));
    }
}
