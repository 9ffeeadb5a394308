// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.ProvgateException;

/** A trust-tiers.yaml that cannot be used: unreadable, malformed, or saying something provgate cannot apply. */
public class PolicyException extends ProvgateException {
    private static final long serialVersionUID = 1L;

    public PolicyException(String file, int line, String message) {
        super(file, line, message);
    }

    public PolicyException(String file, int line, String message, Throwable cause) {
        super(file, line, message, cause);
    }
}
