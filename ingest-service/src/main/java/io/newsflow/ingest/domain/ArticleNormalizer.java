package io.newsflow.ingest.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.IngestedArticle;
import io.newsflow.contracts.RawArticle;
import io.newsflow.contracts.ReasonCode;
import io.newsflow.contracts.UrlCanonicalizer;

/**
 * Validates a {@link RawArticle} envelope and turns it into an {@link IngestedArticle}: the same rules for the
 * Kafka and HTTP paths. Stateless and thread-safe.
 */
public final class ArticleNormalizer {

    private static final Pattern WWW_PREFIX = Pattern.compile("^www\\d?\\.");

    private final long maxContentBytes;

    /** @param maxContentBytes largest accepted content, in UTF-8 bytes as received */
    public ArticleNormalizer(long maxContentBytes) {
        if (maxContentBytes <= 0) {
            throw new IllegalArgumentException("maxContentBytes must be positive: " + maxContentBytes);
        }
        this.maxContentBytes = maxContentBytes;
    }

    public long maxContentBytes() {
        return maxContentBytes;
    }

    public IngestOutcome normalize(RawArticle raw, IngestChannel channel, Instant now) {
        try {
            return IngestOutcome.accepted(build(raw, channel, now));
        } catch (RecordRejectedException e) {
            return IngestOutcome.rejected(e.rejection());
        }
    }

    private IngestedArticle build(RawArticle raw, IngestChannel channel, Instant now) throws RecordRejectedException {
        String rawContent = raw.content();
        if (rawContent == null || rawContent.isBlank()) {
            throw rejected(ReasonCode.EMPTY, "content", "content is missing or blank");
        }
        long size = TextNormalizer.utf8Length(rawContent);
        if (size > maxContentBytes) {
            throw rejected(ReasonCode.TOO_LARGE, "content",
                    "content is " + size + " bytes, more than the limit of " + maxContentBytes + " bytes");
        }
        if (TextNormalizer.hasUnpairedSurrogate(rawContent)) {
            throw rejected(ReasonCode.INVALID_UTF8, "content",
                    "content holds an unpaired UTF-16 surrogate, which has no UTF-8 encoding");
        }

        String url = blankToNull(raw.url());
        if (url != null && !UrlCanonicalizer.isValid(url)) {
            throw rejected(ReasonCode.INVALID_ENVELOPE, "url", "url must be an absolute http(s) URL: '" + url + "'");
        }
        String contentType = declaredContentType(raw.contentType());
        String language = language(raw.language());

        String content = TextNormalizer.normalizeContent(rawContent);
        if (content.isEmpty()) {
            throw rejected(ReasonCode.EMPTY, "content", "content holds only control characters or whitespace");
        }
        if (contentType == null) {
            contentType = ContentSniffer.sniff(content);
        }

        String publisherId = blankToNull(raw.id());
        String source = Optional.ofNullable(TextNormalizer.normalizeLine(raw.source())).orElseGet(() -> hostOf(url));
        String publishedAtText = blankToNull(raw.publishedAt());
        Instant publishedAt = PublishedAtParser.parse(publishedAtText).orElse(null);

        return new IngestedArticle(
                ArticleIds.derive(url, source, publisherId, content),
                publisherId,
                url,
                UrlCanonicalizer.canonicalize(url).orElse(null),
                source,
                TextNormalizer.normalizeLine(raw.title()),
                authors(raw),
                publishedAt,
                publishedAt == null ? publishedAtText : null,
                language,
                contentType,
                content,
                now,
                channel.value());
    }

    private static String declaredContentType(String declared) throws RecordRejectedException {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        Optional<MediaType> type = MediaType.parse(declared);
        if (type.isEmpty() || !type.get().isArticleBody()) {
            throw rejected(ReasonCode.UNSUPPORTED_CONTENT_TYPE, "contentType",
                    "contentType must be text/plain or text/html, not '" + declared.strip() + "'");
        }
        return type.get().mimeType();
    }

    private static String language(String declared) throws RecordRejectedException {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        Optional<String> tag = LanguageTags.normalize(declared);
        if (tag.isEmpty()) {
            throw rejected(ReasonCode.INVALID_ENVELOPE, "language",
                    "language must be a BCP-47 tag such as 'en' or 'pt-BR', not '" + declared.strip() + "'");
        }
        return tag.get();
    }

    /** {@code authors} when it names anyone, else {@code author} as a one-element list; trimmed, de-duplicated. */
    private static List<String> authors(RawArticle raw) {
        List<String> fromList = cleanAuthors(raw.authors() == null ? List.of() : raw.authors());
        if (!fromList.isEmpty()) {
            return fromList;
        }
        return raw.author() == null ? List.of() : cleanAuthors(List.of(raw.author()));
    }

    private static List<String> cleanAuthors(List<String> names) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            String clean = TextNormalizer.normalizeLine(name);
            if (clean != null && seen.add(clean.toLowerCase(Locale.ROOT))) {
                out.add(clean);
            }
        }
        return out;
    }

    private static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = new URI(url.strip()).getHost();
            return host == null ? null : WWW_PREFIX.matcher(host.toLowerCase(Locale.ROOT)).replaceFirst("");
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static RecordRejectedException rejected(ReasonCode reason, String field, String message) {
        return new RecordRejectedException(Rejection.ofField(reason, field, message));
    }
}
