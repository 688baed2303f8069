package io.newsflow.query.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.ReasonCode;

class EnrichedEventDecoderTest {

    private static EnrichedEventDecoder.Decoded decode(String json) {
        return EnrichedEventDecoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsAMinimalEvent() {
        EnrichedEventDecoder.Decoded d = decode("{\"id\":\"abc\",\"version\":1,\"title\":\"T\",\"future\":true}");
        assertTrue(d.isAccepted());
        assertEquals("abc", d.article().id());
    }

    @Test
    void classifiesPoison() {
        assertEquals(ReasonCode.EMPTY, EnrichedEventDecoder.decode(null).reason());
        assertEquals(ReasonCode.EMPTY, EnrichedEventDecoder.decode(new byte[0]).reason());
        assertEquals(ReasonCode.INVALID_UTF8,
                EnrichedEventDecoder.decode(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}).reason());
        assertEquals(ReasonCode.INVALID_JSON, decode("{not json").reason());
        assertEquals(ReasonCode.INVALID_JSON, decode("{\"id\":\"a\",\"version\":1} trailing").reason());
        assertEquals(ReasonCode.INVALID_EVENT, decode("[1,2]").reason());
        assertEquals(ReasonCode.INVALID_EVENT, decode("{\"id\":42,\"version\":1}").reason());
        assertEquals(ReasonCode.INVALID_EVENT, decode("{\"version\":1,\"title\":\"no id\"}").reason());
        assertEquals(ReasonCode.INVALID_EVENT, decode("{\"id\":\"  \",\"version\":1}").reason());
        assertEquals(ReasonCode.INVALID_EVENT, decode("{\"id\":\"a\",\"version\":0}").reason());
        assertEquals(ReasonCode.INVALID_EVENT, decode("{\"id\":\"a\",\"version\":1,\"duplicateKind\":\"exact\"}")
                .reason());
        assertEquals(ReasonCode.INVALID_EVENT, decode("null").reason());
        assertFalse(decode("{\"id\":\"a\",\"version\":1,\"publishedAt\":\"last tuesday\"}").isAccepted());
    }
}
