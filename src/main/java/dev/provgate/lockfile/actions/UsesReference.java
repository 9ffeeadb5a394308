// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.actions;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Purls;
import dev.provgate.model.RefKind;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The component a GitHub Actions {@code uses:} value names: {@code OWNER/REPO[/PATH]@REF} (an action, or a reusable
 * workflow when PATH is under {@code .github/workflows}), or {@code docker://IMAGE[:TAG][@DIGEST]}. A local
 * reference ({@code ./PATH}) names no component: the action it points at is read from its own action.yml in the
 * repository (see {@link ActionMetadataParser}), never fetched.
 */
final class UsesReference {
    static final String GITHUB = "https://github.com/";
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\\s]+)?");
    /** {@code # v4.2.1}, {@code # tag=v4.2.1}, {@code # v4.2.1 (2024-10-01)}: the version the comment claims. */
    private static final Pattern VERSION_COMMENT =
            Pattern.compile("^(?:tag\\s*[=:]\\s*|version\\s*[=:]\\s*|pin\\s*@?\\s*)?([vV]?\\d+(?:\\.\\d+)*[^\\s,;)]*)");

    private UsesReference() {
    }

    /** True for {@code ./path} and {@code ../path}: an action of this repository. */
    static boolean isLocal(String uses) {
        return uses.startsWith("./") || uses.startsWith("../") || uses.equals(".");
    }

    /**
     * The component, or empty for a local reference.
     *
     * @param usage the attribute {@code ci:usage}: {@code step}, {@code reusable-workflow}, {@code image}
     * @param line  where the reference is written (the alias's line when it comes through one)
     */
    static Optional<Component> component(LockfileSource source, CiYaml.Scalar value, int line, String usage) {
        String uses = value.text().strip();
        if (uses.isEmpty()) {
            throw new LockfileParseException(source, line, "empty 'uses'");
        }
        if (isLocal(uses)) {
            return Optional.empty();
        }
        if (uses.startsWith("docker://")) {
            return Optional.of(image(source, uses.substring("docker://".length()), line, "image"));
        }
        int at = uses.indexOf('@');
        String name = at < 0 ? uses : uses.substring(0, at);
        String ref = at < 0 ? "" : uses.substring(at + 1);
        if (!REPOSITORY.matcher(name).matches()) {
            throw new LockfileParseException(source, line, "'uses: " + uses + "' is not OWNER/REPO[/PATH]@REF, "
                    + "docker://IMAGE or ./PATH");
        }
        RefKind kind = RefKind.ofGitRef(ref);
        String repository = Purls.githubRepository(name);
        return Optional.of(Component.builder(Ecosystem.GITHUB_ACTIONS, name, ref)
                .purl(Purls.githubActions(name, ref))
                .direct(true)
                .source(new Source(SourceKind.REGISTRY, GITHUB + repository, GITHUB))
                .location(source.at(line))
                .attribute(RefKind.REF, ref)
                .attribute(RefKind.ATTRIBUTE, kind.label())
                .attribute(RefKind.VERSION_COMMENT, versionComment(value.comment()))
                .attribute(RefKind.USAGE, usage)
                .attribute(RefKind.BUILD_TIME, "true")
                .build());
    }

    /** The version a comment claims ({@code v4.2.1}), or empty. */
    static String versionComment(String comment) {
        Matcher m = VERSION_COMMENT.matcher(comment.strip());
        return m.find() ? m.group(1) : "";
    }

    /**
     * A container image: {@code pkg:docker} by tag, {@code pkg:oci} by digest (the digest is also its SHA-256
     * hash, so known-bad image digests match).
     */
    static Component image(LockfileSource source, String reference, int line, String usage) {
        ImageName image = ImageName.parse(reference).orElseThrow(() -> new LockfileParseException(source, line,
                "'" + reference + "' is not a container image reference"));
        RefKind kind = image.digest().isEmpty() ? image.tag().isEmpty() ? RefKind.NONE
                : RefKind.ofGitRef(image.tag()) == RefKind.EXPRESSION ? RefKind.EXPRESSION : RefKind.TAG
                : RefKind.DIGEST;
        String version = image.digest().isEmpty() ? image.tag() : image.digest();
        Component.Builder b = Component.builder(Ecosystem.OTHER, image.fullName(), version)
                .purl(image.purl())
                .direct(true)
                .source(new Source(SourceKind.REGISTRY, "https://" + image.registry() + "/" + image.path(),
                        "https://" + image.registry() + "/"))
                .location(source.at(line))
                .attribute(RefKind.REF, version)
                .attribute(RefKind.ATTRIBUTE, kind.label())
                .attribute(RefKind.USAGE, usage)
                .attribute(RefKind.BUILD_TIME, "true")
                .attribute("ci:image-tag", image.digest().isEmpty() ? "" : image.tag());
        if (image.digest().startsWith("sha256:")) {
            b.hash(new Hash(HashAlgorithm.SHA256, image.digest().substring("sha256:".length())));
        }
        return b.build();
    }
}
