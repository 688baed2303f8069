package io.newsflow.enrich.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reads a UTF-8 class-path resource as lines (rule, gazetteer and stop-word files shipped with the pipeline). */
final class ClasspathLines {

    private ClasspathLines() {
    }

    /** The resource's lines, or empty when no such resource exists; the context class loader is tried first. */
    static Optional<List<String>> read(Class<?> owner, String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = owner.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
