package io.newsflow.enrich.dedup;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A single-process {@link NearDuplicateIndex} with the same semantics as the PostgreSQL one (first claim of a
 * key wins, expired owners are replaced). For evaluation and tests; not shared between instances.
 */
public final class InMemoryNearDuplicateIndex implements NearDuplicateIndex {

    private record Owner(String articleId, Instant firstSeen) {
    }

    private final Map<Long, Owner> bands = new HashMap<>();
    private final Map<String, int[]> shingles = new HashMap<>();
    private final Map<String, Instant> seen = new HashMap<>();

    @Override
    public synchronized Set<String> claim(String articleId, Fingerprint fp, Instant now, Instant notBefore) {
        Set<String> others = new TreeSet<>();
        for (long key : fp.bandKeys()) {
            Owner o = bands.get(key);
            if (o == null || o.firstSeen().isBefore(notBefore)) {
                bands.put(key, new Owner(articleId, now));
            } else if (!o.articleId().equals(articleId)) {
                others.add(o.articleId());
            }
        }
        shingles.put(articleId, fp.shingles());
        seen.putIfAbsent(articleId, now);
        return others;
    }

    @Override
    public synchronized Map<String, int[]> shingles(Collection<String> articleIds) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (String id : articleIds) {
            int[] s = shingles.get(id);
            if (s != null) {
                out.put(id, s);
            }
        }
        return out;
    }

    @Override
    public synchronized void release(String articleId, long[] bandKeys) {
        for (long key : bandKeys) {
            Owner o = bands.get(key);
            if (o != null && o.articleId().equals(articleId)) {
                bands.remove(key);
            }
        }
        shingles.remove(articleId);
        seen.remove(articleId);
    }

    @Override
    public synchronized int expire(Instant cutoff) {
        int removed = 0;
        for (Iterator<Owner> it = bands.values().iterator(); it.hasNext();) {
            if (it.next().firstSeen().isBefore(cutoff)) {
                it.remove();
                removed++;
            }
        }
        for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Instant> e = it.next();
            if (e.getValue().isBefore(cutoff)) {
                shingles.remove(e.getKey());
                it.remove();
            }
        }
        return removed;
    }

    public synchronized int size() {
        return shingles.size();
    }
}
