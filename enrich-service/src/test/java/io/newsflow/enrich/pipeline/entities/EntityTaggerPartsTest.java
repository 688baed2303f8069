package io.newsflow.enrich.pipeline.entities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.contracts.EntityTypes;
import io.newsflow.enrich.pipeline.EntityTokenizer;
import io.newsflow.enrich.pipeline.Gazetteer;

class EntityTaggerPartsTest {

    @Test
    void modelRoundTripsThroughItsFileFormat() throws IOException {
        int bits = 8;
        float[] w = new float[(1 << bits) * EntityTagModel.LABELS.length];
        w[3] = 2.5f;
        w[17] = -100f;
        w[700] = 0.25f;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EntityTagModel(bits, w).write(out);
        EntityTagModel back = EntityTagModel.read(new ByteArrayInputStream(out.toByteArray()));
        float[] scores = new float[EntityTagModel.LABELS.length];
        back.score(new int[] {0, 2, 100}, 3, scores); // weight index = bucket * labels + label
        assertEquals(2.5f - 100f, scores[3], 0.01f);
        assertEquals(0.25f, scores[0], 0.01f);
        back.score(new int[] {2}, 1, scores);
        assertEquals(-100f, scores[3], 0.01f);
        assertThrows(IOException.class, () -> EntityTagModel.read(new ByteArrayInputStream(new byte[] {31, -117, 8, 0})));
    }

    /** A model read from its file scores from packed rows: bit for bit the sums the full weight table gives. */
    @Test
    void packedRowsScoreExactlyAsTheFullTable() throws IOException {
        int bits = 10;
        java.util.Random random = new java.util.Random(3);
        float[] w = new float[(1 << bits) * EntityTagModel.LABELS.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = random.nextInt(4) == 0 ? (float) random.nextGaussian() * 50 : 0f;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EntityTagModel(bits, w).write(out);
        for (EntityTagModel packed : List.of(EntityTagModel.read(new ByteArrayInputStream(out.toByteArray())),
                EntityTagModel.fromResource("entities-tagger.bin.gz"))) {
            EntityTagModel full = packed.unpacked();
            int[] buckets = new int[EntityFeatures.MAX_FEATURES];
            float[] expected = new float[EntityTagModel.LABELS.length];
            float[] actual = new float[EntityTagModel.LABELS.length];
            for (int round = 0; round < 20_000; round++) {
                int n = 1 + random.nextInt(buckets.length);
                for (int f = 0; f < n; f++) {
                    buckets[f] = random.nextInt(packed.mask() + 1);
                }
                full.score(buckets, n, expected);
                packed.score(buckets, n, actual);
                for (int l = 0; l < expected.length; l++) {
                    assertEquals(Float.floatToIntBits(expected[l]), Float.floatToIntBits(actual[l]), "label " + l);
                }
            }
        }
    }

    /** Word features taken from a memo shared by a text's paragraphs equal those computed afresh for each. */
    @Test
    void sharedWordMemoGivesTheSameFeatures() {
        WordClasses words = WordClasses.fromResource("entities-words.txt.gz");
        List<String> paragraphs = List.of("The Prime Minister of Japan, Fumio Kishida, met U.S. President Joe Biden on Monday.",
                "Kishida said the talks in Washington and on the South China Sea went well; Biden agreed.",
                "ON THE RECORD: the Bank of England and the von Trapp family, del Toro & Sons, St. Louis.");
        EntityFeatures.WordMemo memo = new EntityFeatures.WordMemo();
        int[] expected = new int[EntityFeatures.MAX_FEATURES];
        int[] actual = new int[EntityFeatures.MAX_FEATURES];
        for (String paragraph : paragraphs) {
            List<EntityTokenizer.Token> tokens = EntityTokenizer.tokens(paragraph);
            int[] gaz = new int[tokens.size()];
            EntityFeatures fresh = new EntityFeatures(tokens, gaz, words, 0xFFFF);
            EntityFeatures shared = new EntityFeatures(tokens, gaz, words, 0xFFFF, memo);
            for (int i = 0; i < tokens.size(); i++) {
                for (int previous = 0; previous < EntityTagModel.LABELS.length; previous++) {
                    assertEquals(fresh.mayBeName(i, previous), shared.mayBeName(i, previous));
                    int n = fresh.labelFeatures(i, previous, expected, fresh.staticFeatures(i, expected));
                    assertEquals(n, shared.labelFeatures(i, previous, actual, shared.staticFeatures(i, actual)));
                    assertArrayEquals(java.util.Arrays.copyOf(expected, n), java.util.Arrays.copyOf(actual, n), tokens.get(i).text());
                }
            }
        }
    }

    @Test
    void theShippedModelLoads() {
        EntityTagModel m = EntityTagModel.fromResource("entities-tagger.bin.gz");
        assertEquals((1 << m.bucketBits()) - 1, m.mask());
        assertThrows(IllegalArgumentException.class, () -> EntityTagModel.fromResource("no-such-model.bin.gz"));
    }

    @Test
    void wordClassesTellCommonWordsFromProperNouns() {
        WordClasses words = WordClasses.fromResource("entities-words.txt.gz");
        assertEquals(WordClasses.LOWER, words.classOf(EntityFeatures.lowerHash("Know", 0, 4)));
        assertEquals(WordClasses.CAPITALISED, words.classOf(EntityFeatures.lowerHash("Einstein", 0, 8)));
        assertEquals(WordClasses.UNKNOWN, words.classOf(EntityFeatures.lowerHash("Qwzxv", 0, 5)));
        assertEquals(WordClasses.UNKNOWN, WordClasses.none().classOf(EntityFeatures.lowerHash("know", 0, 4)));
    }

    @Test
    void labelsMakeSpansAndIOnlyFollowsItsOwnType() {
        int bPer = EntityTagger.label(EntityTypes.PERSON, true);
        int iPer = EntityTagger.label(EntityTypes.PERSON, false);
        int bLoc = EntityTagger.label(EntityTypes.LOCATION, true);
        List<EntityTagger.Span> spans = EntityTagger.spans(new int[] {EntityTagModel.O, bPer, iPer, bLoc, EntityTagModel.O});
        assertEquals(List.of(new EntityTagger.Span(1, 3, EntityTypes.PERSON), new EntityTagger.Span(3, 4, EntityTypes.LOCATION)),
                spans);
        float[] scores = new float[EntityTagModel.LABELS.length];
        scores[iPer] = 5;
        scores[bLoc] = 1;
        assertEquals(bLoc, EntityTagger.bestAllowed(scores, EntityTagModel.O), "I-PER cannot start a name");
        assertEquals(iPer, EntityTagger.bestAllowed(scores, bPer));
    }

    @Test
    void onlyCapitalisedTokensAndJoinersAfterANameAreScored() {
        List<EntityTokenizer.Token> tokens = EntityTokenizer.tokens("the Bay of Bengal is calm");
        EntityFeatures f = new EntityFeatures(tokens, new int[tokens.size()], WordClasses.none(), 255);
        assertFalse(f.mayBeName(0, EntityTagModel.O));
        assertTrue(f.mayBeName(1, EntityTagModel.O));
        assertTrue(f.mayBeName(2, EntityTagger.label(EntityTypes.LOCATION, true)));
        assertFalse(f.mayBeName(2, EntityTagModel.O));
        int[] buckets = new int[EntityFeatures.MAX_FEATURES];
        int n = f.staticFeatures(1, buckets);
        n = f.labelFeatures(1, EntityTagModel.O, buckets, n);
        assertTrue(n <= EntityFeatures.MAX_FEATURES);
        for (int k = 0; k < n; k++) {
            assertTrue(buckets[k] >= 0 && buckets[k] <= 255);
        }
    }

    @Test
    void gazetteerFindsLongestNamesAndShoutedDatelines() {
        Gazetteer g = Gazetteer.parse(List.of("LOCATION | South China Sea | - |", "COUNTRY | China | CN | Chinese",
                "LOCATION | Washington | - |"));
        List<EntityTokenizer.Token> tokens = EntityTokenizer.tokens("WASHINGTON - Chinese ships in the South China Sea");
        Gazetteer.Match[] m = g.longestMatches(tokens);
        assertNotNull(m[0]);
        assertEquals("Washington", m[0].entry().name());
        assertEquals("CN", m[2].entry().canonicalId());
        assertEquals(3, m[6].length());
        assertNull(m[7], "inside the longer match");
        assertArrayEquals(new int[] {10, 0, 9, 0, 0, 0, 10, 2, 2}, EntityTagger.gazetteerClasses(m));
    }

    @Test
    void possessivesAreTokensOfTheirOwn() {
        assertEquals(List.of("Kishida", "'s", "O'Neill", "’s", "plan"),
                EntityTokenizer.tokens("Kishida's O'Neill’s plan").stream().map(EntityTokenizer.Token::text).toList());
    }
}
