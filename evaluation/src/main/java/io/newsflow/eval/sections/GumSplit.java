package io.newsflow.eval.sections;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The fixed split of GUM Wikinews documents for the entity tagger: a document is held out (never trained on) when
 * the CRC-32 of its id ("GUM_news_crane") is divisible by 3; the rest is the training part. The same residue gives
 * the three folds of the trainer's cross-validation. Chosen before any training run, by id only.
 */
public final class GumSplit {

    public static final int FOLDS = 3;
    public static final int HELD_OUT_FOLD = 0;

    private GumSplit() {
    }

    public static int fold(String docId) {
        CRC32 crc = new CRC32();
        crc.update(docId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % FOLDS);
    }

    public static boolean heldOut(String docId) {
        return fold(docId) == HELD_OUT_FOLD;
    }

    /** "…/dep/GUM_news_crane.conllu" → "GUM_news_crane". */
    public static String docId(java.nio.file.Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".conllu") ? name.substring(0, name.length() - ".conllu".length()) : name;
    }
}
