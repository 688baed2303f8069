package io.newsflow.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deterministic article ids, so that re-delivery or re-publication of the same article maps to the same id.
 * In order of preference the id derives from:
 * <ol>
 * <li>the canonical URL (scheme-less {@link UrlCanonicalizer#identityKey identity key});</li>
 * <li>the source plus the publisher's own id (an updated body keeps its id, and its version is bumped);</li>
 * <li>the source plus the whitespace-normalised content.</li>
 * </ol>
 * An id is 16 lower-case hex characters (64 bits of SHA-256).
 */
public final class ArticleIds {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int ID_BYTES = 8;

    private ArticleIds() {
    }

    public static String derive(String url, String source, String publisherId, String content) {
        var key = UrlCanonicalizer.identityKey(url);
        if (key.isPresent()) {
            return hashId("url\n" + key.get());
        }
        String src = source == null ? "" : source.trim().toLowerCase(Locale.ROOT);
        if (publisherId != null && !publisherId.isBlank()) {
            return hashId("publisher\n" + src + "\n" + publisherId.trim());
        }
        return hashId("content\n" + src + "\n" + normalizeWhitespace(content));
    }

    /** Collapses runs of whitespace to one space and trims. */
    public static String normalizeWhitespace(String text) {
        return text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ").trim();
    }

    /** Full lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static String hashId(String material) {
        byte[] digest = sha256(material);
        return HexFormat.of().formatHex(digest, 0, ID_BYTES);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
