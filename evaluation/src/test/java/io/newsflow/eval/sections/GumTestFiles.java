package io.newsflow.eval.sections;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a one-paragraph GUM CoNLL-U document for tests of the GUM readers. */
public final class GumTestFiles {

    private GumTestFiles() {
    }

    /** dir/ID.conllu with one paragraph of one sentence: its text and its token lines (tab-separated columns). */
    public static Path write(Path dir, String id, String text, String... tokenLines) throws IOException {
        List<String> lines = new ArrayList<>(List.of("# newdoc id = " + id, "# newpar", "# text = " + text));
        lines.addAll(List.of(tokenLines));
        lines.add("");
        return Files.writeString(dir.resolve(id + ".conllu"), String.join("\n", lines));
    }
}
