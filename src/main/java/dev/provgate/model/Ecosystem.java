// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/** A package ecosystem: the purl type and the name OSV uses for it. */
public enum Ecosystem {
    NPM("npm", "npm"),
    PYPI("pypi", "PyPI"),
    MAVEN("maven", "Maven"),
    /** CI references: GitHub Actions {@code uses:} (actions and reusable workflows), read from workflow files. */
    GITHUB_ACTIONS("githubactions", "GitHub Actions"),
    /** Components of other purl types, read from SBOMs given as input (deb, gem, golang, ...). */
    OTHER("generic", "");

    private final String purlType;
    private final String osvName;

    Ecosystem(String purlType, String osvName) {
        this.purlType = purlType;
        this.osvName = osvName;
    }

    public String purlType() {
        return purlType;
    }

    public String osvName() {
        return osvName;
    }

    public static Ecosystem fromPurlType(String type) {
        for (Ecosystem e : values()) {
            if (e.purlType.equalsIgnoreCase(type)) {
                return e;
            }
        }
        return OTHER;
    }
}
