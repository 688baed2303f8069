package io.newsflow.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading the shared data in place: gzip pages in whatever charset they declare, lenient JSON (NaN). */
public final class DataFiles {

    private static final Pattern META_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w-]+)", Pattern.CASE_INSENSITIVE);
    private static final int SNIFF_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    private DataFiles() {
    }

    public static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /** A page's HTML: strict UTF-8 if it decodes, else the charset it declares, else windows-1252. */
    public static String page(Path file) throws IOException {
        byte[] bytes;
        if (file.getFileName().toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                bytes = in.readAllBytes();
            }
        } else {
            bytes = Files.readAllBytes(file);
        }
        return decode(bytes);
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            Charset charset = Charset.forName("windows-1252");
            if (m.find()) {
                try {
                    charset = Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    // keep the fallback
                }
            }
            return new String(bytes, charset);
        }
    }

    /** The first of {@code dir/<name>.gz}, {@code dir/<name>} that exists in the given folders, else null. */
    public static Path find(String name, Path... dirs) {
        for (Path dir : dirs) {
            for (Path candidate : new Path[] {dir.resolve(name + ".gz"), dir.resolve(name)}) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
