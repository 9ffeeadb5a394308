// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/** Why a component is installed. DEV covers npm devOptional and Maven test scope too. */
public enum Scope {
    RUNTIME, DEV, OPTIONAL, PEER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
