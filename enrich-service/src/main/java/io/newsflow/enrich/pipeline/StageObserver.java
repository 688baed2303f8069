package io.newsflow.enrich.pipeline;

/** Receives the wall time of each stage run (e.g. to feed a metrics timer). */
@FunctionalInterface
public interface StageObserver {

    StageObserver NONE = (stage, nanos) -> {
    };

    void stageCompleted(String stage, long nanos);
}
