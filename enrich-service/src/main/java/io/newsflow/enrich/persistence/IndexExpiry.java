package io.newsflow.enrich.persistence;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.newsflow.enrich.config.DedupConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Periodically deletes near-duplicate and story index entries older than their windows, in small batches. */
@ApplicationScoped
public class IndexExpiry {

    private static final Logger LOG = Logger.getLogger(IndexExpiry.class);

    @Inject
    DedupStore store;

    @Inject
    DedupConfig config;

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent event) {
        long every = config.expiry().interval().toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dedup-index-expiry");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::expire, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    void expire() {
        try {
            int total = 0;
            int removed;
            do {
                removed = store.expireBatch();
                total += removed;
            } while (removed > 0 && !Thread.currentThread().isInterrupted());
            if (total > 0) {
                LOG.infof("expired %d near-duplicate/story index rows", total);
            }
        } catch (RuntimeException e) {
            // The next run tries again; an outage is reported by readiness, not here.
            LOG.warnf("index expiry failed: %s", e.toString());
        }
    }
}
