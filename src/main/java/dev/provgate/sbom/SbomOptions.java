// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import java.time.Instant;
import java.util.Objects;

/**
 * How to write an SBOM.
 *
 * @param specVersion the CycloneDX version
 * @param format      JSON or XML
 * @param projectName the scanned project, named in {@code metadata.component}
 * @param toolVersion provgate's own version, named in {@code metadata.tools}
 * @param timestamp   {@code metadata.timestamp}, or null for none (the default: same input, same bytes)
 */
public record SbomOptions(SpecVersion specVersion, SbomFormat format, String projectName, String toolVersion,
                          Instant timestamp) {
    public SbomOptions {
        Objects.requireNonNull(specVersion, "specVersion");
        Objects.requireNonNull(format, "format");
        // Made one line here, not only where written: the project's bom-ref and the graph's ref to it must agree.
        projectName = projectName == null || projectName.isBlank() ? "project" : BomJsonWriter.oneLine(projectName);
        toolVersion = toolVersion == null || toolVersion.isBlank() ? "dev" : toolVersion;
    }

    /** CycloneDX 1.6 JSON without a timestamp. */
    public static SbomOptions defaults(String projectName, String toolVersion) {
        return new SbomOptions(SpecVersion.V1_6, SbomFormat.JSON, projectName, toolVersion, null);
    }
}
