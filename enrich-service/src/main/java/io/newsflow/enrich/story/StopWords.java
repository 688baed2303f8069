package io.newsflow.enrich.story;

import java.util.Set;

/** English function words and newsroom filler that say nothing about which event an article reports. */
final class StopWords {

    private static final Set<String> WORDS = new java.util.HashSet<>(java.util.Arrays.asList((
            "a about above after again against all almost also although always am among an and another any anyone "
            + "anything are around as at back be became because become been before being below between both but by "
            + "can cannot could did do does doing done down during each either else enough even ever every few for "
            + "from further get gets got had has have having he her here hers herself him himself his how however i "
            + "if in into is it its itself just last least less like made make many may me might more most much must "
            + "my myself near neither never new next no nor not now of off often on once one only or other others our "
            + "ours out over own per perhaps put rather same see seen several she should since so some something "
            + "still such than that the their theirs them themselves then there these they this those though three "
            + "through thus to too two under until up upon us very via was we well were what whatever when where "
            + "whether which while who whom whose why will with within without would yet you your yours "
            + "said says say saying told tell according reported report reports reporting added adding asked "
            + "news today yesterday tomorrow week weeks month months year years day days time times monday tuesday "
            + "wednesday thursday friday saturday sunday january february march april june july august september "
            + "october november december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr "
            + "first second third including include includes going come came take took people way lot really "
            + "told part later early late well known former percent number according statement "
            + "read more click here share comment comments posted updated follow subscribe advertisement photo "
            + "image video copyright rights reserved").split(" ")));

    private StopWords() {
    }

    static boolean contains(String lower) {
        return WORDS.contains(lower);
    }
}
