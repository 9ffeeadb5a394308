// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.advisory.version.VersionScheme;
import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.RefKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GitHub Actions references against the built-in snapshot: tags by the version they name, commits by name. */
class ActionAdvisoriesTest {
    private static final AdvisoryEnricher ENRICHER = new AdvisoryEnricher(AdvisoryDatabase.builtIn());
    private static final String MALICIOUS_COMMIT = "0e58ed8671d6b60d0890c21b07f8835ace038e67";
    private static final String OTHER_COMMIT = "11bd71901bbe5b1630ceea73d27597364c9af683";

    @ParameterizedTest(name = "{0}@{1}")
    @CsvSource(delimiter = '|', value = {
            "tj-actions/changed-files|v45|GHSA-mrrh-fwg8-r2c3:VERSION",
            "tj-actions/changed-files|45.0.7|GHSA-mrrh-fwg8-r2c3:VERSION",
            "tj-actions/changed-files|v45.0.8|''",
            "tj-actions/changed-files|v46|''",
            "TJ-Actions/Changed-Files|v1|GHSA-mrrh-fwg8-r2c3:VERSION",
            "tj-actions/changed-files|" + MALICIOUS_COMMIT + "|GHSA-mrrh-fwg8-r2c3:VERSION",
            "tj-actions/changed-files|" + OTHER_COMMIT + "|GHSA-mrrh-fwg8-r2c3:NAME_ONLY",
            "aquasecurity/trivy-action|0.28.0|GHSA-69fq-xp46-6x23:VERSION",
            "aquasecurity/trivy-action|v0.34.2|GHSA-69fq-xp46-6x23:VERSION",
            "aquasecurity/trivy-action|0.35.0|''",
            "aquasecurity/trivy-action|v0.35.0|''",
            "aquasecurity/trivy-action|master|GHSA-69fq-xp46-6x23:NAME_ONLY",
            "aquasecurity/setup-trivy|v0.2.1|GHSA-69fq-xp46-6x23:VERSION",
            "aquasecurity/trivy-action/sub/path|0.28.0|GHSA-69fq-xp46-6x23:VERSION",
            "actions/checkout|v4|''"})
    void tagsMatchByTheVersionTheyNameAndCommitsByName(String name, String ref, String expected) {
        Component c = Component.builder(Ecosystem.GITHUB_ACTIONS, name, ref)
                .attribute(RefKind.ATTRIBUTE, RefKind.ofGitRef(ref).label()).build();
        List<String> ids = ENRICHER.evidenceFor(c).stream().map(AdvisoryMatch.class::cast)
                .map(m -> m.advisoryId() + ":" + m.basis()).toList();
        assertEquals(expected, String.join(" ", ids));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v45,45.0.0", "V4.1,4.1.0", "0.28.0,0.28.0", "v1.2.3-rc.1,1.2.3-rc.1", "main,", "latest,",
            "11bd71901bbe5b1630ceea73d27597364c9af683,", "v1.2.3.4,"})
    void aTagNamesAVersionWithOrWithoutV(String tag, String version) {
        assertEquals(version == null ? "" : version, VersionScheme.ACTION_TAG.parse(tag)
                .map(v -> v.major() + "." + v.minor() + "." + v.patch()
                        + (v.prerelease().isEmpty() ? "" : "-" + String.join(".", v.prerelease()))).orElse(""));
    }
}
