// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import dev.provgate.model.ProvgateException;

/** An advisory file that cannot be read: not JSON or YAML, or not shaped like an OSV record. */
public class AdvisoryFormatException extends ProvgateException {
    private static final long serialVersionUID = 1L;

    public AdvisoryFormatException(String file, int line, String message) {
        super(file, line, message);
    }

    public AdvisoryFormatException(String file, int line, String message, Throwable cause) {
        super(file, line, message, cause);
    }
}
