// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Location;
import dev.provgate.model.Severity;

/**
 * A package, or one version of it, the team refuses, on top of advisories.
 *
 * @param pattern  package pattern, with a version to block only that version
 * @param reason   why
 * @param severity block (default) or warn
 * @param where    the entry in the policy file
 */
public record BlockedEntry(PurlPattern pattern, String reason, Severity severity, Location where) {
}
