// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.provenance.store.DeclaredRepository;
import dev.provgate.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PomScmTest {
    private static Optional<DeclaredRepository> declared(String scm) {
        return PomScm.declared(("<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId>"
                + "<artifactId>a</artifactId><version>1</version>" + scm + "</project>")
                .getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<scm><url>https://github.com/o/r</url></scm>|https://github.com/o/r|maven pom scm.url",
        "<scm><url>https://github.com/o/r/tree/main/module</url></scm>|https://github.com/o/r|maven pom scm.url",
        "<scm><connection>scm:git:https://github.com/o/r.git</connection></scm>|https://github.com/o/r|"
                + "maven pom scm.connection",
        "<scm><url>https://example.invalid/o/r</url><developerConnection>scm:git:git@gitlab.com:g/sub/r.git"
                + "</developerConnection></scm>|https://gitlab.com/g/sub/r|maven pom scm.developerConnection",
    })
    void takesTheFirstGitHubOrGitLabAddress(String scm, String repository, String source) {
        DeclaredRepository d = declared(scm).orElseThrow();
        assertEquals(repository, d.repository());
        assertEquals(source, d.source());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no scm|",
        "another host|<scm><url>https://svn.example.invalid/repos/r</url></scm>",
        "empty scm|<scm/>",
    })
    void nothingToDeclare(String what, String scm) {
        assertEquals(Optional.empty(), declared(scm == null ? "" : scm), what);
    }

    @Test
    void aBrokenPomDeclaresNothing() {
        assertEquals(Optional.empty(), PomScm.declared("<project><scm>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void realPomsFromMavenCentral() throws Exception {
        byte[] sigstoreJava = Files.readAllBytes(SharedData.require("sigstore/maven-central/sigstore-java-2.0.0.pom"));
        assertEquals(Optional.of(new DeclaredRepository("https://github.com/sigstore/sigstore-java",
                "maven pom scm.url", "https://github.com/sigstore/sigstore-java")), PomScm.declared(sigstoreJava));
        byte[] junit = Files.readAllBytes(SharedData.require("sigstore/maven-central/junit-jupiter-api-5.10.2.pom"));
        assertEquals(Optional.of("https://github.com/junit-team/junit5"),
                PomScm.declared(junit).map(DeclaredRepository::repository));
    }
}
