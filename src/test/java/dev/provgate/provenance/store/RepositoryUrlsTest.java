// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Declared and certificate repositories reduced to {@code https://host/path}, GitHub and GitLab only. */
class RepositoryUrlsTest {
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "https://github.com/o/r|                                     https://github.com/o/r",
            "git+https://github.com/o/r.git|                             https://github.com/o/r",
            "git://github.com/o/r.git|                                   https://github.com/o/r",
            "git+ssh://git@github.com/o/r.git|                           https://github.com/o/r",
            "ssh://git@github.com/o/r|                                   https://github.com/o/r",
            "git@github.com:o/r.git|                                     https://github.com/o/r",
            "github:o/r|                                                 https://github.com/o/r",
            "o/r|                                                        https://github.com/o/r",
            "http://www.GitHub.com/Microsoft/Playwright-CLI/|            https://github.com/Microsoft/Playwright-CLI",
            "https://github.com/o/r.GIT#main|                            https://github.com/o/r",
            "https://github.com/o/r/tree/main/packages/cli|              https://github.com/o/r",
            "https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1| https://github.com/o/r",
            "gitlab:g/r|                                                 https://gitlab.com/g/r",
            "git+https://gitlab.com/g/sub/r.git|                         https://gitlab.com/g/sub/r",
            "git@gitlab.com:g/sub/r.git|                                 https://gitlab.com/g/sub/r",
            "https://gitlab.com/g/r/-/tree/main|                         https://gitlab.com/g/r",
            "https://gitlab.com/g/r//.gitlab-ci.yml@refs/heads/main|     https://gitlab.com/g/r",
            "https://bitbucket.org/o/r|                                  NONE",
            "bitbucket:o/r|                                              NONE",
            "https://github.com/o|                                       NONE",
            "https://example.invalid/o/r|                                NONE",
            "not a url|                                                  NONE",
            "''|                                                         NONE",
    })
    void normalise(String raw, String expected) {
        assertEquals(Optional.ofNullable(expected), RepositoryUrls.normalise(raw));
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "https://github.com/Microsoft/Playwright-CLI| git+https://github.com/microsoft/playwright-cli.git| true",
            "https://github.com/microsoft/playwright-cli| https://github.com/evil/playwright-cli|              false",
            "https://gitlab.com/o/r|                      https://github.com/o/r|                              false",
            "''|                                          https://github.com/o/r|                              false",
    })
    void same(String a, String b, boolean same) {
        assertEquals(same, RepositoryUrls.same(a, b));
    }
}
