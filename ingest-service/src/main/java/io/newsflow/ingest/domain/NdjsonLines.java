package io.newsflow.ingest.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an NDJSON body into its non-blank lines without decoding it first, so that one line with invalid
 * UTF-8 spoils only itself. Splitting on the byte 0x0A is safe in UTF-8 (it never occurs inside a multi-byte
 * sequence); a trailing CR is dropped.
 */
public final class NdjsonLines {

    /**
     * @param index 0-based line number in the body (blank lines count, so it matches what an editor shows minus 1)
     * @param bytes the line without its line terminator
     */
    public record Line(int index, byte[] bytes) {
    }

    private NdjsonLines() {
    }

    public static List<Line> split(byte[] body) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int index = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i;
                if (end > start && body[end - 1] == '\r') {
                    end--;
                }
                if (!isBlank(body, start, end)) {
                    lines.add(new Line(index, Arrays.copyOfRange(body, start, end)));
                }
                start = i + 1;
                index++;
            }
        }
        return lines;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }
}
