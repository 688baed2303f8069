package io.newsflow.enrich.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.newsflow.enrich.dedup.NearDuplicateMatch;
import io.newsflow.enrich.story.StoryFeatures;
import io.newsflow.testsupport.KafkaBrokerResource;
import io.newsflow.testsupport.PostgresDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The PostgreSQL indexes under real concurrency: two copies of an article (and two articles of one new story) are
 * decided at the same instant on two threads with their own transactions, like two enrich instances. Exactly one
 * copy must be the original and the other its duplicate; both story articles must end in one story.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
class ConcurrentDecisionsTest {

    private static final int PAIRS = 20;

    @Inject
    DedupStore store;

    @Test
    void simultaneousCopiesEndAsOneOriginalAndOneDuplicate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < PAIRS; i++) {
                String text = randomText(new Random(1000 + i), 300);
                String copy = text.replaceFirst(" ", " indeed ") + " Copyright notice.";
                String a = "nd-" + i + "-a";
                String b = "nd-" + i + "-b";
                List<Optional<NearDuplicateMatch>> r = together(pool, () -> store.nearDuplicate(a, text),
                        () -> store.nearDuplicate(b, copy));
                long originals = r.stream().filter(Optional::isEmpty).count();
                assertEquals(1, originals, "pair " + i + ": " + r);
                NearDuplicateMatch m = r.get(0).isPresent() ? r.get(0).get() : r.get(1).get();
                assertEquals(r.get(0).isPresent() ? b : a, m.originalId(), "the duplicate points at the other copy");
                assertTrue(m.similarity() >= 0.8);
                // decided again (re-delivery): same answers
                assertEquals(r.get(0), store.nearDuplicate(a, text));
                assertEquals(r.get(1), store.nearDuplicate(b, copy));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void simultaneousArticlesOfOneNewStoryEndInOneStory() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < PAIRS; i++) {
                String place = "Qarvendel" + (char) ('A' + i);
                String person = "Tomasz Vrelic" + (char) ('a' + i);
                String one = place + " was struck by a flood on Sunday. " + person + ", the mayor of " + place
                        + ", ordered an evacuation as the river Brenna rose above the dams near " + place + ".";
                String two = "Floodwater from the Brenna forced thousands out of " + place + ". Mayor " + person
                        + " said the dams around " + place + " held, but the evacuation of " + place + " continues.";
                String a = "st-" + i + "-a";
                String b = "st-" + i + "-b";
                List<String> r = together(pool,
                        () -> store.story(a, "one.example", new StoryFeatures.Input(null, one, null, null), null).storyId(),
                        () -> store.story(b, "two.example", new StoryFeatures.Input(null, two, null, null), null).storyId());
                assertEquals(r.get(0), r.get(1), "pair " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> together(ExecutorService pool, Callable<T> first, Callable<T> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<T> f1 = pool.submit(() -> {
            start.await();
            return first.call();
        });
        Future<T> f2 = pool.submit(() -> {
            start.await();
            return second.call();
        });
        List<T> out = new ArrayList<>();
        out.add(f1.get());
        out.add(f2.get());
        return out;
    }

    private static String randomText(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int len = 3 + random.nextInt(7);
            for (int c = 0; c < len; c++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            sb.append(i % 15 == 14 ? ".\n" : " ");
        }
        return sb.toString();
    }
}
