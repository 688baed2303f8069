package io.newsflow.query.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Opaque pagination cursors: {@code base64url(json key) + "." + base64url(hmac)}. The signature makes any
 * altered cursor detectable, so a client gets a 400 instead of a silently different page.
 */
public final class CursorCodec {

    private static final String MAC_ALGORITHM = "HmacSHA256";
    /** 128 bits of the HMAC are plenty to detect tampering and keep cursors short. */
    private static final int SIGNATURE_BYTES = 16;
    private static final char SEPARATOR = '.';

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final int maxLength;

    public CursorCodec(String signingKey, int maxLength) {
        if (signingKey == null || signingKey.isEmpty()) {
            throw new IllegalArgumentException("cursor signing key must not be empty");
        }
        this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), MAC_ALGORITHM);
        this.maxLength = maxLength;
    }

    /** Wire form of a key; field names are short because cursors travel in URLs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Payload(@JsonProperty("s") String sort, @JsonProperty("p") String publishedAt,
            @JsonProperty("r") Float rank, @JsonProperty("i") String id,
            @JsonProperty("ft") String floorTime, @JsonProperty("fi") String floorId) {
    }

    /** Wire form of a key of another list (stories): which list and order, and the key's values. */
    record ListPayload(@JsonProperty("l") String list, @JsonProperty("v") List<String> values) {
    }

    public String encode(PageKey pageKey) {
        PageKey.Floor floor = pageKey.floor();
        return seal(new Payload(pageKey.sort().parameterValue(),
                pageKey.time() == null ? null : pageKey.time().toString(), pageKey.rank(), pageKey.id(),
                floor == null || floor.time() == null ? null : floor.time().toString(),
                floor == null ? null : floor.id()));
    }

    /** A cursor for a list other than articles; {@code list} names the list and its order. */
    public String encodeList(String list, List<String> values) {
        return seal(new ListPayload(list, values));
    }

    /** The values of a cursor made by {@link #encodeList} for the same {@code list}. */
    public List<String> decodeList(String list, String cursor) throws InvalidCursorException {
        ListPayload payload;
        try {
            payload = JSON.readValue(open(cursor), ListPayload.class);
        } catch (IOException e) {
            throw new InvalidCursorException("cursor content is malformed");
        }
        if (!list.equals(payload.list()) || payload.values() == null || payload.values().contains(null)) {
            throw new InvalidCursorException("cursor belongs to another list or order");
        }
        return payload.values();
    }

    private String seal(Object payload) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cursor payload is always serialisable", e);
        }
        return ENCODER.encodeToString(body) + SEPARATOR + ENCODER.encodeToString(sign(body));
    }

    public PageKey decode(String cursor) throws InvalidCursorException {
        Payload payload;
        try {
            payload = JSON.readValue(open(cursor), Payload.class);
        } catch (IOException e) {
            throw new InvalidCursorException("cursor content is malformed");
        }
        return toPageKey(payload);
    }

    /** The verified body of a cursor. */
    private byte[] open(String cursor) throws InvalidCursorException {
        if (cursor.length() > maxLength) {
            throw new InvalidCursorException("cursor is longer than " + maxLength + " characters");
        }
        int dot = cursor.indexOf(SEPARATOR);
        if (dot <= 0 || dot != cursor.lastIndexOf(SEPARATOR)) {
            throw new InvalidCursorException("not a cursor issued by this service");
        }
        byte[] body;
        byte[] signature;
        try {
            body = DECODER.decode(cursor.substring(0, dot));
            signature = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("cursor is not base64url");
        }
        // Base64 leaves spare bits in the last character; a lenient decoder ignores them, so an altered last
        // character could decode to the same bytes. Only the canonical encoding is accepted.
        if (!ENCODER.encodeToString(body).equals(cursor.substring(0, dot))
                || !ENCODER.encodeToString(signature).equals(cursor.substring(dot + 1))) {
            throw new InvalidCursorException("cursor is not in canonical form (altered)");
        }
        if (!MessageDigest.isEqual(sign(body), signature)) {
            throw new InvalidCursorException("cursor signature does not match (altered or from another deployment)");
        }
        return body;
    }

    private static PageKey toPageKey(Payload p) throws InvalidCursorException {
        if (p.id() == null || p.id().isBlank()) {
            throw new InvalidCursorException("cursor has no id");
        }
        SortOrder sort = p.sort() == null ? null : SortOrder.fromParameter(p.sort()).orElse(null);
        if (sort == null) {
            throw new InvalidCursorException("cursor has an unknown sort order");
        }
        if (sort == SortOrder.RELEVANCE) {
            if (p.rank() == null || !Float.isFinite(p.rank()) || p.publishedAt() != null
                    || (p.floorTime() != null && p.floorId() == null)) {
                throw new InvalidCursorException("relevance cursor needs a finite rank and nothing else");
            }
            try {
                return PageKey.relevance(p.rank(), p.id(), p.floorId() == null ? null
                        : new PageKey.Floor(p.floorTime() == null ? null : Instant.parse(p.floorTime()), p.floorId()));
            } catch (DateTimeParseException e) {
                throw new InvalidCursorException("cursor has a malformed time");
            }
        }
        if (p.rank() != null || p.floorId() != null || p.floorTime() != null) {
            throw new InvalidCursorException("time-ordered cursor must not carry a rank");
        }
        try {
            return PageKey.byTime(sort, p.publishedAt() == null ? null : Instant.parse(p.publishedAt()), p.id());
        } catch (DateTimeParseException e) {
            throw new InvalidCursorException("cursor has a malformed time");
        }
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(body), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC_ALGORITHM + " is part of every Java runtime", e);
        }
    }
}
