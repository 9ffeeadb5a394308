// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/** Where a locked package comes from. Only REGISTRY packages are the registry package of that name. */
public enum SourceKind {
    REGISTRY, GIT, URL, PATH, WORKSPACE, LINK;

    public boolean isRegistry() {
        return this == REGISTRY;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
