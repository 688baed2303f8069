package io.newsflow.ingest.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.newsflow.contracts.RawArticle;
import io.newsflow.contracts.ReasonCode;

/**
 * From transport bytes to an {@link IngestOutcome}: strict decoding, envelope-or-bare-content detection,
 * transport hints, then {@link ArticleNormalizer}. Plain Java, thread-safe.
 */
public final class ArticleIngestor {

    private final ArticleNormalizer normalizer;

    public ArticleIngestor(ArticleNormalizer normalizer) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    }

    public ArticleNormalizer normalizer() {
        return normalizer;
    }

    /**
     * A Kafka record value: a JSON envelope when it starts with '{' (after a BOM and whitespace), else bare text
     * or HTML. {@code hints} fill in what the envelope does not say.
     */
    public IngestOutcome ingestRecord(byte[] value, TransportHints hints, IngestChannel channel, Instant now) {
        TransportHints h = hints == null ? TransportHints.NONE : hints;
        try {
            if (value == null || value.length == 0) {
                throw new RecordRejectedException(Rejection.ofField(ReasonCode.EMPTY, "content", "the record has no value"));
            }
            Optional<MediaType> declared = MediaType.parse(h.contentType());
            String text = TextDecoder.decode(value, declared.map(MediaType::charset).orElse(null));
            RawArticle raw;
            if (EnvelopeParser.looksLikeEnvelope(text)) {
                raw = withHints(EnvelopeParser.parse(text), h);
            } else {
                raw = bareContent(text, declared, h, value.length);
            }
            return normalizer.normalize(raw, channel, now);
        } catch (RecordRejectedException e) {
            return IngestOutcome.rejected(e.rejection());
        }
    }

    /**
     * One JSON envelope (an HTTP request body or one NDJSON line); bare content is not accepted here.
     *
     * @param charset the declared charset of the bytes, or null for UTF-8
     */
    public IngestOutcome ingestEnvelope(byte[] json, String charset, IngestChannel channel, Instant now) {
        try {
            if (json == null || json.length == 0) {
                throw new RecordRejectedException(Rejection.of(ReasonCode.INVALID_JSON, "the body is empty"));
            }
            return normalizer.normalize(EnvelopeParser.parse(TextDecoder.decode(json, charset)), channel, now);
        } catch (RecordRejectedException e) {
            return IngestOutcome.rejected(e.rejection());
        }
    }

    private RawArticle bareContent(String text, Optional<MediaType> declared, TransportHints hints, int valueBytes)
            throws RecordRejectedException {
        // Checked on the bytes too, so an oversized record is not decoded and normalised first.
        if (valueBytes > normalizer.maxContentBytes()) {
            throw new RecordRejectedException(Rejection.ofField(ReasonCode.TOO_LARGE, "content", "the record is "
                    + valueBytes + " bytes, more than the limit of " + normalizer.maxContentBytes() + " bytes"));
        }
        String contentType = null;
        if (declared.isPresent()) {
            MediaType type = declared.get();
            if (type.isJson()) {
                throw new RecordRejectedException(Rejection.of(ReasonCode.INVALID_JSON,
                        "content-type says JSON but the value is not a JSON object"));
            }
            // Passed on as declared: the normaliser rejects anything but text/plain and text/html.
            contentType = type.mimeType();
        }
        return new RawArticle(null, hints.url(), hints.source(), null, null, null, null, null, contentType, text);
    }

    private static RawArticle withHints(RawArticle raw, TransportHints hints) {
        if (hints.source() == null && hints.url() == null) {
            return raw;
        }
        return new RawArticle(raw.id(),
                isBlank(raw.url()) ? hints.url() : raw.url(),
                isBlank(raw.source()) ? hints.source() : raw.source(),
                raw.title(), raw.author(), raw.authors(), raw.publishedAt(), raw.language(), raw.contentType(),
                raw.content());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
