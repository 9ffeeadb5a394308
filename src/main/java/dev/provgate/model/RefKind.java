// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a CI reference's ref is, as far as the text tells without asking the server: a full commit SHA or an image
 * digest (content-addressed, immutable), a version tag, a branch, a name that could be either, an expression, or
 * nothing at all. Stored as the {@code ci:ref-kind} attribute.
 */
public enum RefKind {
    SHA, DIGEST, TAG, BRANCH, TAG_OR_BRANCH, EXPRESSION, NONE;

    /** Component attributes of CI references: the ref as written, its kind, the {@code # v1.2.3} comment. */
    public static final String ATTRIBUTE = "ci:ref-kind";
    public static final String REF = "ci:ref";
    public static final String VERSION_COMMENT = "ci:version-comment";
    /** How it is used: {@code step}, {@code reusable-workflow}, {@code image}, {@code container}, ... */
    public static final String USAGE = "ci:usage";
    /** Set on every CI reference: it runs at build time, not in the product (SBOMs say so). */
    public static final String BUILD_TIME = "ci:build-time";
    /** Set when the version comment beside a SHA disagrees with another reference: what it disagrees with. */
    public static final String PIN_CONFLICT = "ci:pin-conflict";

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern VERSION_TAG = Pattern.compile("[vV]?\\d+(\\.\\d+)*([-+._][0-9A-Za-z.+-]*)?");
    private static final Set<String> BRANCHES = Set.of("main", "master", "develop", "development", "dev", "trunk",
            "next", "stable", "canary", "nightly", "head");

    /** The kind of a git ref as written after {@code @}. */
    public static RefKind ofGitRef(String ref) {
        if (ref.isEmpty()) {
            return NONE;
        }
        if (ref.contains("${{") || ref.contains("$")) {
            return EXPRESSION;
        }
        if (COMMIT.matcher(ref).matches()) {
            return SHA;
        }
        if (VERSION_TAG.matcher(ref).matches()) {
            return TAG;
        }
        String lower = ref.toLowerCase(Locale.ROOT);
        if (BRANCHES.contains(lower) || lower.contains("/")) {
            return BRANCH;
        }
        return TAG_OR_BRANCH;
    }

    /** Content-addressed: the reference always means the same bytes. */
    public boolean isImmutable() {
        return this == SHA || this == DIGEST;
    }

    /** The attribute value: {@code sha}, {@code tag}, {@code tag-or-branch}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of a CI reference; empty for any other component. */
    public static java.util.Optional<RefKind> of(Component c) {
        String label = c.attributes().get(ATTRIBUTE);
        for (RefKind k : values()) {
            if (k.label().equals(label)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
