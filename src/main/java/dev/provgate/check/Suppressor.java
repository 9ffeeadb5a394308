// SPDX-License-Identifier: Apache-2.0
package dev.provgate.check;

import dev.provgate.model.Finding;
import java.util.List;

/**
 * Runs after every evaluator, over all findings at once: sets {@link Finding#suppression()} on the findings an
 * exception covers, and may add findings about the exceptions themselves (expired, matching nothing).
 */
@FunctionalInterface
public interface Suppressor {
    List<Finding> review(List<Finding> findings);
}
