package org.dudao.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A rules folder of one province rule {@code P-01} ({@code p.drl}, beside the shipped metrics.csv) whose
 * consequence is the given call: what the county-part and spread-region checks are tried on.
 */
public final class OneRule {
    private OneRule() {}

    /** Writes the folder into {@code dir} and returns it; {@code levels} is the rule's {@code @level}. */
    public static Path write(Path dir, String levels, String call) throws IOException {
        Files.createDirectories(dir);
        Files.copy(Path.of("rules/metrics.csv"), dir.resolve("metrics.csv"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("p.drl"), """
                package p;
                import org.dudao.model.Entity;
                import function org.dudao.engine.Patterns.*;

                rule "P-01 超大班额"
                    @id("P-01") @name("超大班额") @level("%s") @pattern("threshold") @bound("= 0 个") @source("test")
                when
                    $e : Entity(level == "省")
                then
                    insert(%s);
                end
                """.formatted(levels, call));
        return dir;
    }
}
