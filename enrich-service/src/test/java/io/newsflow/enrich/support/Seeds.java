package io.newsflow.enrich.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shared seed articles and their hand labels, read in place (tests are skipped when they are absent). */
public final class Seeds {

    private Seeds() {
    }

    public static Path dir() {
        String base = System.getProperty("newsflow.shared.data");
        assumeTrue(base != null, "newsflow.shared.data is not set");
        Path dir = Path.of(base, "seeds");
        assumeTrue(Files.isDirectory(dir), "no seed data at " + dir);
        return dir;
    }

    /** Seed file names (e.g. 000_8f5ed42a42bf4c9d.txt), sorted; empty when the data is absent. */
    public static List<String> names() {
        String base = System.getProperty("newsflow.shared.data");
        Path dir = base == null ? null : Path.of(base, "seeds");
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of("(seed data absent)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        try {
            return Files.readString(dir().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode label(String name) {
        try {
            JsonNode labels = new ObjectMapper().readTree(dir().resolve("labels.json").toFile());
            JsonNode label = labels.get(name);
            assumeTrue(label != null, "no label for " + name);
            return label;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
