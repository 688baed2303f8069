package io.newsflow.eval;

import java.nio.file.Path;

/**
 * One part of the evaluation (e.g. extraction on article-extraction-benchmark). Sections are found with
 * {@link java.util.ServiceLoader}: list the class in META-INF/services/io.newsflow.eval.EvalSection.
 */
public interface EvalSection {

    /** Short name, also the top-level JSON key prefix where it makes sense (e.g. "extraction"). */
    String name();

    /** The sub-folder of the data folder this section needs (e.g. "seeds"); the section is skipped if absent. */
    String dataFolder();

    /**
     * Runs the section over {@code dataRoot/dataFolder()} and records rows and JSON values into {@code report}.
     * {@code predictions} is null unless {@code --predictions DIR} was given.
     */
    void run(Path dataRoot, EvalReport report, Path predictions) throws Exception;
}
