// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

/** The CycloneDX encodings. */
public enum SbomFormat {
    JSON, XML
}
