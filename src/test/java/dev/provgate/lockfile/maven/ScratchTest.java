package dev.provgate.lockfile.maven;

import dev.provgate.model.*;
import java.nio.file.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void own() throws Exception {
        Path pom = Path.of("pom.xml").toAbsolutePath();
        var parser = new PomParser(new MavenResolutionSettings(MavenResolutionSettings.defaultLocalRepository(), "", true));
        long t = System.nanoTime();
        var inv = parser.parse(new LockfileSource("pom.xml", Files.readAllBytes(pom), pom.toString()));
        System.out.println("ms " + (System.nanoTime() - t) / 1_000_000);
        t = System.nanoTime();
        inv = parser.parse(new LockfileSource("pom.xml", Files.readAllBytes(pom), pom.toString()));
        System.out.println("ms " + (System.nanoTime() - t) / 1_000_000);
        var sb = new StringBuilder();
        for (Component c : inv.components()) {
            sb.append(c.name()).append(':').append(c.attributes().getOrDefault("maven:classifier", "")).append(':')
                .append(c.version()).append(':').append(c.attributes().get("maven:scope")).append(' ')
                .append(c.scope()).append(' ').append(c.direct()).append(' ').append(c.location()).append('\n');
        }
        Files.writeString(Path.of("/tmp/scratch/own.txt"), sb.toString());
    }
}
