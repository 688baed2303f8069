package io.newsflow.ingest.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import io.newsflow.contracts.ReasonCode;

/**
 * Strict bytes-to-text decoding: UTF-8 unless a charset is declared, malformed or unmappable input is an error
 * (never replaced by U+FFFD, which would silently corrupt the article), a leading byte-order mark is dropped.
 */
final class TextDecoder {

    private static final char BOM = '\uFEFF';

    private TextDecoder() {
    }

    static String decode(byte[] bytes, String charsetName) throws RecordRejectedException {
        Charset charset = charsetName == null ? StandardCharsets.UTF_8 : lookup(charsetName);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        String text;
        try {
            text = decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new RecordRejectedException(Rejection.of(ReasonCode.INVALID_UTF8,
                    "the bytes are not valid " + charset.name() + " (malformed input near byte " + in.position() + ")"));
        }
        return stripBom(text);
    }

    static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    private static Charset lookup(String name) throws RecordRejectedException {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new RecordRejectedException(Rejection.of(ReasonCode.UNSUPPORTED_CONTENT_TYPE,
                    "unsupported charset '" + name + "'"));
        }
    }
}
