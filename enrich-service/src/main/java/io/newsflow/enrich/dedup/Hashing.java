package io.newsflow.enrich.dedup;

/** Small, fast, stable (across JVMs and versions) hash functions: the index stores their values. */
public final class Hashing {

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {
    }

    static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    /** 64-bit hash of a string (FNV-1a, then mixed). */
    public static long hash64(String s) {
        return mix(fnv(FNV_OFFSET, s));
    }

    /** The SplitMix64 finaliser: spreads every input bit over the whole output. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
