// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of an OSV range.
 *
 * @param kind    introduced, fixed, last_affected or limit
 * @param version the version as the record writes it ({@code 0} for "every version" when introduced)
 */
public record OsvEvent(Kind kind, String version) {
    public OsvEvent {
        Objects.requireNonNull(kind, "kind");
        version = version == null ? "" : version;
    }

    public enum Kind {
        INTRODUCED, FIXED, LAST_AFFECTED, LIMIT;

        /** The OSV field name: {@code introduced}, {@code last_affected}. */
        public String field() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> ofField(String field) {
            for (Kind k : values()) {
                if (k.field().equals(field)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** {@code introduced: "0"}: from the first version on. */
    public boolean isFromTheStart() {
        return kind == Kind.INTRODUCED && version.equals("0");
    }

    /** {@code limit: "*"}: no limit. */
    public boolean isUnlimited() {
        return kind == Kind.LIMIT && version.equals("*");
    }

    @Override
    public String toString() {
        return kind.field() + " " + version;
    }
}
