package io.newsflow.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class NdjsonLinesTest {

    @Test
    void splitsOnNewlinesKeepingLineNumbers() {
        byte[] body = "{\"a\":1}\r\n\n   \n{\"b\":2}\n{\"c\":3}".getBytes(StandardCharsets.UTF_8);
        List<NdjsonLines.Line> lines = NdjsonLines.split(body);
        assertEquals(3, lines.size());
        assertEquals(0, lines.get(0).index());
        assertEquals("{\"a\":1}", new String(lines.get(0).bytes(), StandardCharsets.UTF_8));
        assertEquals(3, lines.get(1).index());
        assertEquals(4, lines.get(2).index());
        assertEquals("{\"c\":3}", new String(lines.get(2).bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void blankBodyHasNoLines() {
        assertEquals(0, NdjsonLines.split("\n \r\n\t\n".getBytes(StandardCharsets.UTF_8)).size());
        assertEquals(0, NdjsonLines.split(new byte[0]).size());
    }
}
