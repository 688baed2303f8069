package io.newsflow.enrich.pipeline.entities;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Weights of the entity tagger: a linear model over hashed features, one weight per (feature bucket, label).
 * Stored gzipped: magic, bucket bits, label count, the weight of one quantum, then (bucket, weight per label) for
 * every bucket with a non-zero weight, each weight as a 16-bit multiple of the quantum (the largest weight maps
 * to the largest short; only the order of label scores matters, so the scale is free).
 */
public final class EntityTagModel {

    /** BIO labels over three types; index order is part of the file format. */
    public static final String[] LABELS = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};
    public static final int O = 0;
    private static final int MAGIC = 0x4E46_4554; // "NFET"

    private final int bucketBits;
    private final float[] weights;
    /**
     * For a model read from a file (its weights no longer change): per bucket, 1 + the index of its row in
     * {@link #rows}, or 0 when all its weights are zero; null for a live model (the trainer's, whose weights it keeps
     * changing). Only a fifth of the buckets carry weights: their rows packed together take a fifth of the memory, and
     * scoring, which reads a row for each feature of each capitalised token, misses the cache that much less.
     */
    private final int[] rowOf;
    private final float[] rows;

    /** @param weights the weights, read at each {@link #score} (the trainer keeps changing them) */
    public EntityTagModel(int bucketBits, float[] weights) {
        this(bucketBits, weights, false);
    }

    private EntityTagModel(int bucketBits, float[] weights, boolean packed) {
        if (weights.length != (1 << bucketBits) * LABELS.length) {
            throw new IllegalArgumentException("weights need " + ((1 << bucketBits) * LABELS.length) + " entries");
        }
        this.bucketBits = bucketBits;
        this.weights = weights;
        if (packed) {
            int labels = LABELS.length;
            rowOf = new int[1 << bucketBits];
            float[] kept = new float[weights.length];
            int count = 0;
            for (int b = 0; b < rowOf.length; b++) {
                if (anyNonZero(weights, b * labels, labels)) {
                    System.arraycopy(weights, b * labels, kept, count * labels, labels);
                    rowOf[b] = ++count;
                }
            }
            rows = java.util.Arrays.copyOf(kept, count * labels);
        } else {
            rowOf = null;
            rows = null;
        }
    }

    private static boolean anyNonZero(float[] weights, int from, int length) {
        for (int k = from; k < from + length; k++) {
            if (weights[k] != 0) {
                return true;
            }
        }
        return false;
    }

    public int bucketBits() {
        return bucketBits;
    }

    public int mask() {
        return (1 << bucketBits) - 1;
    }

    /** Adds the weights of the given feature buckets, per label, into scores. */
    public void score(int[] buckets, int count, float[] scores) {
        java.util.Arrays.fill(scores, 0f);
        int labels = LABELS.length;
        if (rowOf != null) {
            // the same sums in the same order: a skipped row would only have added zeros (scores never hold -0.0,
            // the one value adding +0.0 changes)
            for (int f = 0; f < count; f++) {
                int row = rowOf[buckets[f]];
                if (row != 0) {
                    int base = (row - 1) * labels;
                    for (int l = 0; l < labels; l++) {
                        scores[l] += rows[base + l];
                    }
                }
            }
            return;
        }
        for (int f = 0; f < count; f++) {
            int base = buckets[f] * labels;
            for (int l = 0; l < labels; l++) {
                scores[l] += weights[base + l];
            }
        }
    }

    /** The same weights scored without packing (for comparing the two ways of scoring). */
    EntityTagModel unpacked() {
        return new EntityTagModel(bucketBits, weights);
    }

    public static EntityTagModel fromResource(String resource) {
        InputStream in = EntityTagModel.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("entity model resource not found: " + resource);
        }
        try (in) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("entity model resource " + resource + " is unreadable", e);
        }
    }

    public static EntityTagModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)));
        if (in.readInt() != MAGIC) {
            throw new IOException("not an entity model (bad magic)");
        }
        int bits = in.readInt();
        int labels = in.readInt();
        if (labels != LABELS.length || bits < 8 || bits > 24) {
            throw new IOException("entity model has " + labels + " labels and " + bits + " bucket bits");
        }
        float quantum = in.readFloat();
        float[] w = new float[(1 << bits) * labels];
        int rows = in.readInt();
        for (int r = 0; r < rows; r++) {
            int base = in.readInt() * labels;
            for (int l = 0; l < labels; l++) {
                w[base + l] = in.readShort() * quantum;
            }
        }
        return new EntityTagModel(bits, w, true);
    }

    /** Writes the model, weights quantised to 16 bits. */
    public void write(OutputStream raw) throws IOException {
        int labels = LABELS.length;
        float max = 0;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        float quantum = max == 0 ? 1 : max / Short.MAX_VALUE;
        int rows = 0;
        for (int b = 0; b < 1 << bucketBits; b++) {
            if (nonZero(b, quantum)) {
                rows++;
            }
        }
        GZIPOutputStream gz = new GZIPOutputStream(raw);
        DataOutputStream out = new DataOutputStream(gz);
        out.writeInt(MAGIC);
        out.writeInt(bucketBits);
        out.writeInt(labels);
        out.writeFloat(quantum);
        out.writeInt(rows);
        for (int b = 0; b < 1 << bucketBits; b++) {
            if (nonZero(b, quantum)) {
                out.writeInt(b);
                for (int l = 0; l < labels; l++) {
                    out.writeShort(quantise(weights[b * labels + l], quantum));
                }
            }
        }
        out.flush();
        gz.finish();
    }

    private boolean nonZero(int bucket, float quantum) {
        for (int l = 0; l < LABELS.length; l++) {
            if (quantise(weights[bucket * LABELS.length + l], quantum) != 0) {
                return true;
            }
        }
        return false;
    }

    private static short quantise(float w, float quantum) {
        return (short) Math.max(-Short.MAX_VALUE, Math.min(Short.MAX_VALUE, Math.round(w / quantum)));
    }
}
