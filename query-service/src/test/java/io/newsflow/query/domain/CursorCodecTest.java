package io.newsflow.query.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class CursorCodecTest {

    private static final int MAX_LENGTH = 1024;
    private final CursorCodec codec = new CursorCodec("test-key", MAX_LENGTH);

    @Test
    void publishedKeyRoundTrips() throws Exception {
        PageKey key = PageKey.published(Instant.parse("2024-05-01T08:30:00.123456Z"), "3f1c0a9b7d2e4c11");
        assertEquals(key, codec.decode(codec.encode(key)));
    }

    @Test
    void undatedKeyRoundTrips() throws Exception {
        PageKey key = PageKey.published(null, "abc");
        PageKey decoded = codec.decode(codec.encode(key));
        assertNull(decoded.publishedAt());
        assertEquals("abc", decoded.id());
    }

    @Test
    void relevanceRankRoundTripsBitForBit() throws Exception {
        float rank = 0.1f + 0.2f; // not exactly representable in decimal
        PageKey decoded = codec.decode(codec.encode(PageKey.relevance(rank, "x")));
        assertEquals(Float.floatToIntBits(rank), Float.floatToIntBits(decoded.rank()));
        assertEquals(SortOrder.RELEVANCE, decoded.sort());
    }

    @Test
    void cursorIsUrlSafe() {
        String cursor = codec.encode(PageKey.published(Instant.now(), "id/with+odd?chars"));
        assertEquals(cursor, cursor.replaceAll("[^A-Za-z0-9_.-]", ""));
    }

    @Test
    void alteredPayloadIsRejected() {
        String cursor = codec.encode(PageKey.published(Instant.parse("2024-05-01T00:00:00Z"), "a"));
        String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))),
                StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("2024", "2023").getBytes(StandardCharsets.UTF_8))
                + cursor.substring(cursor.indexOf('.'));
        assertThrows(InvalidCursorException.class, () -> codec.decode(forged));
    }

    @Test
    void alteredSignatureIsRejected() {
        String cursor = codec.encode(PageKey.published(Instant.now(), "a"));
        char last = cursor.charAt(cursor.length() - 1);
        String forged = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThrows(InvalidCursorException.class, () -> codec.decode(forged));
    }

    @Test
    void cursorFromAnotherKeyIsRejected() {
        String cursor = new CursorCodec("other-key", MAX_LENGTH).encode(PageKey.published(Instant.now(), "a"));
        assertThrows(InvalidCursorException.class, () -> codec.decode(cursor));
    }

    @Test
    void garbageIsRejected() {
        for (String garbage : new String[] {"x", ".", "abc.", ".abc", "a.b.c", "!!!.???", "e30.e30",
                "a".repeat(MAX_LENGTH + 1)}) {
            assertThrows(InvalidCursorException.class, () -> codec.decode(garbage), garbage);
        }
    }
}
