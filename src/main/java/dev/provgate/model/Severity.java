// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/** How much a finding weighs. BLOCK fails the build; WARN fails it only with {@code --fail-on warn}. */
public enum Severity {
    BLOCK, WARN, INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
