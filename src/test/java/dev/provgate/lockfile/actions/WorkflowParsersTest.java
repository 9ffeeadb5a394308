// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.LockfileParsers;
import dev.provgate.model.Component;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.RefKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkflowParsersTest {
    private static final String CHECKOUT_SHA = "11bd71901bbe5b1630ceea73d27597364c9af683";
    private static final String NODE_SHA = "1d0ff469b7ec7b3cb9d8673fde0c81c44821de2a";
    private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static LockfileSource fixture(String name, String shownAs) {
        try (InputStream in = WorkflowParsersTest.class.getResourceAsStream(name)) {
            return new LockfileSource(shownAs, in.readAllBytes(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** name@version, line, ref kind, version comment, usage, purl. */
    private static List<String> rows(LockfileParser parser, LockfileSource source) {
        return parser.parse(source).components().stream().map(WorkflowParsersTest::row).toList();
    }

    private static String row(Component c) {
        return c.coordinates() + " line=" + c.location().line() + " " + c.attributes().get(RefKind.ATTRIBUTE)
                + (c.attributes().containsKey(RefKind.VERSION_COMMENT) ? " #" + c.attributes()
                .get(RefKind.VERSION_COMMENT) : "") + " " + c.attributes().get(RefKind.USAGE) + " " + c.purl();
    }

    @Test
    void everyUsesFormIsAComponentAtItsLine() {
        LockfileSource source = fixture("every-uses-form.yml", ".github/workflows/every-uses-form.yml");
        assertEquals(List.of(
                "actions/checkout@" + CHECKOUT_SHA + " line=12 sha #v4.2.2 step pkg:githubactions/actions/checkout@"
                        + CHECKOUT_SHA,
                "actions/setup-node@" + NODE_SHA + " line=14 sha #v4.2.0 step pkg:githubactions/actions/setup-node@"
                        + NODE_SHA,
                "github/codeql-action/init@v3 line=15 tag step pkg:githubactions/github/codeql-action/init@v3",
                "tj-actions/changed-files@v45 line=16 tag step pkg:githubactions/tj-actions/changed-files@v45",
                "aquasecurity/trivy-action@0.28.0 line=18 tag step "
                        + "pkg:githubactions/aquasecurity/trivy-action@0.28.0",
                "owner/repo@${{ env.REF }} line=21 expression step "
                        + "pkg:githubactions/owner/repo@%24%7B%7B%20env.REF%20%7D%7D",
                "owner/branchy@main line=22 branch step pkg:githubactions/owner/branchy@main",
                "owner/unsure@latest line=23 tag-or-branch step pkg:githubactions/owner/unsure@latest",
                "library/alpine@3.19 line=25 tag image pkg:docker/library/alpine@3.19",
                "ghcr.io/owner/tool@" + DIGEST + " line=26 digest image pkg:oci/tool@sha256%3A0123456789abcdef"
                        + "0123456789abcdef0123456789abcdef0123456789abcdef?repository_url=ghcr.io%2Fowner%2Ftool",
                "actions/cache@v4 line=31 tag step pkg:githubactions/actions/cache@v4",
                "actions/cache@v4 line=34 tag step pkg:githubactions/actions/cache@v4",
                "octo-org/shared/.github/workflows/build.yml@v1.2.0 line=36 tag reusable-workflow "
                        + "pkg:githubactions/octo-org/shared/.github/workflows/build.yml@v1.2.0",
                "actions/upload-artifact@v4 line=39 tag step pkg:githubactions/actions/upload-artifact@v4",
                "library/node@20-bookworm line=42 tag container pkg:docker/library/node@20-bookworm",
                "library/postgres@sha256:" + "fedcba9876543210".repeat(4) + " line=45 digest service "
                        + "pkg:oci/postgres@sha256%3A" + "fedcba9876543210".repeat(4)
                        + "?repository_url=docker.io%2Flibrary%2Fpostgres",
                "library/redis@7 line=46 tag service pkg:docker/library/redis@7"),
                rows(new GitHubWorkflowParser(), source));
    }

    @Test
    void componentsAreGitHubActionsFromGithubAndMarkedBuildTime() {
        List<Component> all = new GitHubWorkflowParser().parse(fixture("every-uses-form.yml",
                ".github/workflows/a.yml")).components();
        Component init = all.get(2);
        assertEquals("https://github.com/github/codeql-action", init.source().url());
        assertTrue(init.direct());
        assertTrue(all.stream().allMatch(c -> "true".equals(c.attributes().get(RefKind.BUILD_TIME))));
        Component digest = all.get(9);
        assertEquals(DIGEST.substring("sha256:".length()), digest.hashes().get(0).hex());
    }

    @Test
    void actionMetadataNamesCompositeStepsAndDockerImages() {
        ActionMetadataParser parser = new ActionMetadataParser();
        assertEquals(List.of("actions/setup-python@v5 line=6 tag step pkg:githubactions/actions/setup-python@v5"),
                rows(parser, fixture("composite-action.yml", ".github/actions/setup/action.yml")));
        assertEquals(List.of("library/debian@12 line=4 tag image pkg:docker/library/debian@12"),
                rows(parser, fixture("docker-action.yml", "action.yml")));
        assertEquals(List.of(), rows(parser, fixture("javascript-action.yml", "action.yaml")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "broken.yml|.github/workflows/broken.yml:6: invalid YAML: expected ',' or ']'",
            "no-jobs.yml|.github/workflows/no-jobs.yml:1: not a GitHub Actions workflow: no 'jobs:' mapping",
            "duplicate-job.yml|.github/workflows/duplicate-job.yml:5: duplicate key 'a'",
            "two-documents.yml|.github/workflows/two-documents.yml:2: more than one YAML document",
            "empty.yml|.github/workflows/empty.yml:1: not a GitHub Actions workflow: no 'jobs:' mapping",
            "expression-name.yml|.github/workflows/expression-name.yml:4: 'uses: ${{ matrix.action }}' is not "
                    + "OWNER/REPO[/PATH]@REF, docker://IMAGE or ./PATH"})
    void badInputIsOneLineWithFileAndLine(String fixture, String expectedStart) {
        LockfileParseException e = assertThrows(LockfileParseException.class, () -> new GitHubWorkflowParser()
                .parse(fixture(fixture, ".github/workflows/" + fixture)));
        String line = e.file() + ":" + e.line() + ": " + e.getMessage();
        assertTrue(line.startsWith(expectedStart), line);
        assertFalse(line.contains("\n"), line);
    }

    @Test
    void aliasBombsAreRefused() {
        StringBuilder yaml = new StringBuilder("x: &a [1]\n");
        for (int i = 0; i < 25; i++) {
            yaml.append("y").append(i).append(": *a\n");
        }
        yaml.append("jobs: {}\n");
        LockfileParseException e = assertThrows(LockfileParseException.class, () -> new GitHubWorkflowParser()
                .parse(new LockfileSource(".github/workflows/bomb.yml", yaml.toString().getBytes(), "")));
        assertTrue(e.getMessage().contains("more than 20 aliases"), e.getMessage());
        assertEquals(22, e.line());
    }

    @ParameterizedTest
    @CsvSource({
            ".github/workflows/ci.yml,githubactions/workflow",
            ".github/workflows/release.yaml,githubactions/workflow",
            "services/api/.github/workflows/ci.yml,githubactions/workflow",
            "action.yml,githubactions/action",
            ".github/actions/setup/action.yaml,githubactions/action",
            ".github/workflows/nested/ci.yml,",
            ".github/workflows/README.md,",
            "workflows/ci.yml,",
            ".gitlab-ci.yml,gitlab/ci",
            "sub/.gitlab-ci.yaml,gitlab/ci"})
    void theRegistryFindsWorkflowsAndActionMetadata(String path, String format) {
        assertEquals(format == null ? "" : format,
                LockfileParsers.forPath(path).map(LockfileParser::name).orElse(""));
    }

    @Test
    void gitLabIncludesOfOtherProjectsComponentsAndRemoteFiles() {
        String sha = "0123456789abcdef0123456789abcdef01234567";
        assertEquals(List.of(
                "my-group/ci-templates@v1.4.0 line=4 tag include pkg:generic/my-group/ci-templates@v1.4.0",
                "my-group/pinned@" + sha + " line=7 sha include pkg:generic/my-group/pinned@" + sha,
                "my-group/default-branch line=12 none include pkg:generic/my-group/default-branch",
                "$CI_SERVER_FQDN/my-org/security/secret-detection@1.0 line=14 tag-or-branch component "
                        + "pkg:generic/%24CI_SERVER_FQDN/my-org/security/secret-detection@1.0",
                "https://gitlab.example.test/org/repo/-/raw/main/ci.yml line=15 tag-or-branch remote "
                        + "pkg:generic/ci.yml?download_url=https%3A%2F%2Fgitlab.example.test%2Forg%2Frepo%2F-%2Fraw"
                        + "%2Fmain%2Fci.yml",
                "https://gitlab.example.test/org/repo/-/raw/" + sha + "/ci.yml line=16 sha remote "
                        + "pkg:generic/ci.yml?download_url=https%3A%2F%2Fgitlab.example.test%2Forg%2Frepo%2F-%2Fraw%2F"
                        + sha + "%2Fci.yml"),
                rows(new GitLabCiParser(), fixture("gitlab-includes.yml", ".gitlab-ci.yml")));
        assertEquals("/a.yml, /b.yml", new GitLabCiParser().parse(fixture("gitlab-includes.yml", ".gitlab-ci.yml"))
                .components().get(1).attributes().get("ci:file"));
    }

    @Test
    void versionCommentsInTheirCommonSpellings() {
        assertEquals("v4.2.2", UsesReference.versionComment("v4.2.2"));
        assertEquals("v4.2.0", UsesReference.versionComment("tag=v4.2.0"));
        assertEquals("4.1.0", UsesReference.versionComment("4.1.0 (2024-10-01)"));
        assertEquals("", UsesReference.versionComment("pinned by renovate"));
    }
}
