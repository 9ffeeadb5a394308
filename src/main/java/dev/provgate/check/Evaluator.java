// SPDX-License-Identifier: Apache-2.0
package dev.provgate.check;

import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.Finding;
import dev.provgate.model.RuleDescription;
import java.util.List;

/**
 * The evaluate stage: turns what the enrichers found about one component into findings. The advisory rules are one
 * evaluator; the trust-tier policy engine is another. Findings come back without a dependency path: the pipeline
 * adds it.
 */
public interface Evaluator {
    /** Every rule id this evaluator's findings can carry, with descriptions for the reports. */
    List<RuleDescription> rules();

    /** The findings about one component; empty when there is nothing to say. */
    List<Finding> evaluate(ComponentEvidence evidence);
}
