// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import java.util.Arrays;
import java.util.Optional;
import org.cyclonedx.Version;

/** The CycloneDX versions provgate writes and reads. 1.6 is the default: some consumers still reject 1.7. */
public enum SpecVersion {
    V1_4("1.4", Version.VERSION_14),
    V1_5("1.5", Version.VERSION_15),
    V1_6("1.6", Version.VERSION_16);

    private final String label;
    private final Version cyclonedx;

    SpecVersion(String label, Version cyclonedx) {
        this.label = label;
        this.cyclonedx = cyclonedx;
    }

    /** As written in {@code specVersion}: {@code 1.6}. */
    public String label() {
        return label;
    }

    Version cyclonedx() {
        return cyclonedx;
    }

    public static Optional<SpecVersion> fromLabel(String label) {
        return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst();
    }

    /** The labels, for messages: {@code 1.4, 1.5, 1.6}. */
    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(SpecVersion::label).toList());
    }
}
