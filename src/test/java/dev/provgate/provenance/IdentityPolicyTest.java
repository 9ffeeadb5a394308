// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.model.SignerIdentity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Identity matching on the claims a certificate carries; empty expected reason = matches. */
class IdentityPolicyTest {
    private static final SignerIdentity GITHUB = new SignerIdentity(IdentityPolicy.GITHUB_ACTIONS,
            "https://github.com/acme/shared/.github/workflows/build.yml@refs/heads/main",
            "https://github.com/acme/widget",
            "https://github.com/acme/widget/.github/workflows/release.yml@refs/tags/v1.2.0", "refs/tags/v1.2.0", "");
    // a 2023 certificate: no Source Repository URI, Build Config URI read from the SAN
    private static final SignerIdentity OLD = new SignerIdentity(IdentityPolicy.GITHUB_ACTIONS,
            "https://github.com/acme/widget/.github/workflows/publish.yml@refs/tags/v1.0.0", "",
            "https://github.com/acme/widget/.github/workflows/publish.yml@refs/tags/v1.0.0", "refs/tags/v1.0.0", "");
    private static final SignerIdentity GITLAB = new SignerIdentity(IdentityPolicy.GITLAB,
            "https://gitlab.com/group/project//.gitlab-ci.yml@refs/heads/main", "https://gitlab.com/group/project",
            "https://gitlab.com/group/project//.gitlab-ci.yml@refs/heads/main", "refs/heads/main", "");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "repository (reusable workflow elsewhere) | github | ,,https://github.com/acme/widget/,,        | ''",
            "workflow file name                       | github | ,,,release.yml,                             | ''",
            "workflow path                            | github | ,,,.github/workflows/release.yml,            | ''",
            "workflow on a segment boundary           | github | ,,,lease.yml,                               | build config is",
            "ref pattern                              | github | ,,,,refs/tags/v1\\..*                        | ''",
            "ref pattern is a whole match             | github | ,,,,refs/tags/v1                            | git ref is",
            "issuer                                   | github | https://gitlab.com,,,,                      | issuer is",
            "SAN is exact                             | github | ,https://github.com/acme/shared,,,          | certificate identity is",
            "old certificate, SAN prefix              | old    | ,,https://github.com/acme/widget,,          | ''",
            "old certificate, other repository        | old    | ,,https://github.com/acme/wid,,             | source repository is 'https://github.com/acme/widget (from the SAN",
            "gitlab CI file after the double slash    | gitlab | https://gitlab.com,,https://gitlab.com/group/project,/.gitlab-ci.yml, | ''",
    })
    void matches(String name, String signer, String policy, String reason) {
        String[] p = (policy + ",x").split(",", -1);
        IdentityPolicy ip = new IdentityPolicy(p[0].strip(), p[1].strip(), p[2].strip(), p[3].strip(), p[4].strip());
        SignerIdentity s = switch (signer) {
            case "github" -> GITHUB;
            case "old" -> OLD;
            default -> GITLAB;
        };
        String got = ip.mismatch(s).orElse("");
        assertEquals(reason.isEmpty(), got.isEmpty(), got);
        assertEquals(true, got.startsWith(reason), got);
    }
}
