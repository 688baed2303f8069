package io.newsflow.ingest.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * A parsed {@code Content-Type} value: the lower-cased {@code type/subtype} and the {@code charset} parameter,
 * if any. Other parameters are ignored.
 */
public record MediaType(String mimeType, String charset) {

    public static final String TEXT_PLAIN = "text/plain";
    public static final String TEXT_HTML = "text/html";

    /** Parses a header value; empty when it is null, blank or has no {@code type/subtype}. */
    public static Optional<MediaType> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String[] parts = header.split(";");
        String mime = parts[0].trim().toLowerCase(Locale.ROOT);
        if (mime.isEmpty()) {
            return Optional.empty();
        }
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                charset = unquote(param.substring(eq + 1).trim());
            }
        }
        return Optional.of(new MediaType(mime, charset == null || charset.isEmpty() ? null : charset));
    }

    /** True for the two content types an article body may have. */
    public boolean isArticleBody() {
        return TEXT_PLAIN.equals(mimeType) || TEXT_HTML.equals(mimeType);
    }

    /** True for {@code application/json} and {@code application/*+json}. */
    public boolean isJson() {
        return "application/json".equals(mimeType) || mimeType.startsWith("application/") && mimeType.endsWith("+json");
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
