package io.newsflow.testsupport;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The copies that the racing-instances tests add to the five seeds: seed 002 under a new lead paragraph (a near
 * duplicate), seed 003 unchanged under another id (exact) and the first two thirds of seed 004 (near, by
 * containment). One place, so that the two-instance test, the in-memory arrival-order test and the evaluation's
 * trace of it decide on the same texts.
 */
public final class RaceCopies {

    /** The paragraph put in front of seed 002; it names Washington, which seeds 000 and 001 also mention. */
    public static final String LEAD_OF_002_COPY =
            "The allies will sign the pact in Washington next week, officials said on Friday.";

    private RaceCopies() {
    }

    /** Seed 002 with {@link #LEAD_OF_002_COPY} as a paragraph of its own in front. */
    public static String copyOf002(String seed002) {
        return LEAD_OF_002_COPY + "\n\n" + seed002;
    }

    /** The first two thirds of seed 004's lines (it has one paragraph per line). */
    public static String partOf004(String seed004) {
        String[] lines = seed004.split("\n");
        return String.join("\n", List.of(lines).subList(0, lines.length * 2 / 3));
    }

    /**
     * The eight texts by id: the seeds as given (keyed by their three-digit number) plus {@code 002-copy},
     * {@code 003-mirror} and {@code 004-part}.
     */
    public static Map<String, String> withCopies(Map<String, String> seedsByNumber) {
        Map<String, String> texts = new TreeMap<>(seedsByNumber);
        texts.put("002-copy", copyOf002(seedsByNumber.get("002")));
        texts.put("003-mirror", seedsByNumber.get("003"));
        texts.put("004-part", partOf004(seedsByNumber.get("004")));
        return texts;
    }
}
