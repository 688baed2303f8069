package io.newsflow.enrich.domain;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Retries an operation that fails for infrastructure reasons (database down) with exponential backoff,
 * until it succeeds, the attempt limit is reached (0 = no limit) or the thread is interrupted. Good data
 * must wait for the store to come back rather than be dead-lettered.
 */
public final class Backoff {

    /** Told about each failed attempt (e.g. to log and count it). */
    public interface Listener {
        void failed(int attempt, RuntimeException error, Duration nextDelay);
    }

    private final Duration initial;
    private final Duration max;
    private final double multiplier;
    private final int maxAttempts;
    private final Consumer<Duration> sleeper;

    public Backoff(Duration initial, Duration max, double multiplier, int maxAttempts) {
        this(initial, max, multiplier, maxAttempts, Backoff::sleep);
    }

    Backoff(Duration initial, Duration max, double multiplier, int maxAttempts, Consumer<Duration> sleeper) {
        this.initial = initial;
        this.max = max;
        this.multiplier = multiplier;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
    }

    public <T> T call(Supplier<T> operation, Listener listener) {
        Duration delay = initial;
        for (int attempt = 1;; attempt++) {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                if (maxAttempts > 0 && attempt >= maxAttempts || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                listener.failed(attempt, e, delay);
                sleeper.accept(delay);
                long next = (long) Math.min(max.toMillis(), delay.toMillis() * multiplier);
                delay = Duration.ofMillis(Math.max(next, 1));
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
