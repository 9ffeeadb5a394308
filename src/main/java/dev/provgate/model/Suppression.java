// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.time.LocalDate;

/**
 * The policy exception that silenced a finding.
 *
 * @param reason  why it is accepted
 * @param owner   who answers for it
 * @param expires the last day it applies
 */
public record Suppression(String reason, String owner, LocalDate expires) {
}
