package io.newsflow.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import io.newsflow.enrich.support.RandomStrings;

class EntityTokenizerTest {

    /** The regex's matches with their offsets: what the tokenizer loop must give. */
    private static List<String> byRegex(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = EntityTokenizer.tokenPattern().matcher(s);
        while (m.find()) {
            out.add(m.start() + ":" + m.group());
        }
        return out;
    }

    private static List<String> byLoop(String s) {
        return EntityTokenizer.tokens(s).stream().map(t -> t.start() + ":" + t.text()).toList();
    }

    @Test
    void loopFindsWhatTheRegexFinds() {
        String alphabet = "AUSaséÉ1½٣'’.-  \t\n\u00A0,;!?:日😀𝐀𝐚ǅΩωİ";
        for (String s : RandomStrings.of(alphabet, 30_000, 24, 5)) {
            assertEquals(byRegex(s), byLoop(s), s);
        }
        for (String s : List.of("U.S. officials met J. Smith in the U.K.", "O'Neill's Self-Defense Forces' plan", "A. b",
                "A.  B", "A.\tB.", "x" + "-y".repeat(20), "Mr. Smith's", "dog’S", "it's", "U.S", "rock'n'roll's", "'s", "’S.", "a\uD800b \uDC00A.B")) {
            assertEquals(byRegex(s), byLoop(s), s);
        }
    }

    @Test
    void marksSentenceStarts() {
        List<EntityTokenizer.Token> tokens = EntityTokenizer.tokens("Mr. Abe spoke. Then Tokyo replied.");
        // Mr . Abe spoke . Then Tokyo replied .: the period after "Mr" ends no sentence
        assertEquals(List.of(true, false, false, false, false, true, false, false, false),
                tokens.stream().map(EntityTokenizer.Token::sentenceStart).toList());
    }
}
