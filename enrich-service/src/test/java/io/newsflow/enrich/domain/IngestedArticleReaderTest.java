package io.newsflow.enrich.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestedArticleReaderTest {

    private final IngestedArticleReader reader = new IngestedArticleReader();

    @Test
    void readsAValidEvent() throws Exception {
        String json = "{\"id\":\"a1\",\"content\":\"Body\",\"contentType\":\"text/plain\",\"unknown\":1,"
                + "\"ingestedAt\":\"2025-01-02T03:04:05Z\"}";
        var a = reader.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals("a1", a.id());
        assertEquals("Body", a.content());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\": \"x\", \"content\": |invalid-json",
            "not json at all|invalid-json",
            "{\"content\":\"Body\"}|invalid-event",
            "{\"id\":\"x\"}|empty-content",
            "{\"id\":\"x\",\"content\":\"  \"}|empty-content",
            "{\"id\":\"x\",\"content\":{\"a\":1}}|invalid-event",
            "{\"id\":\"x\",\"content\":\"b\",\"ingestedAt\":\"yesterday\"}|invalid-event",
            "null|invalid-event"})
    void classifiesPoison(String value, String code) {
        RejectedRecordException e = assertThrows(RejectedRecordException.class,
                () -> reader.read(value.getBytes(StandardCharsets.UTF_8)));
        assertEquals(code, e.rejection().reason().code(), e.getMessage());
    }

    @Test
    void emptyAndNonUtf8Values() {
        assertEquals("empty-content", assertThrows(RejectedRecordException.class, () -> reader.read(new byte[0]))
                .rejection().reason().code());
        assertEquals("invalid-utf8", assertThrows(RejectedRecordException.class,
                () -> reader.read(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'})).rejection().reason().code());
    }
}
