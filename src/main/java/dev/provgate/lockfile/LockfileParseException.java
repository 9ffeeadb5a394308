// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile;

import dev.provgate.model.LockfileSource;
import dev.provgate.model.ProvgateException;

/** A lockfile that cannot be read: malformed, truncated, not the format its name claims. */
public class LockfileParseException extends ProvgateException {
    private static final long serialVersionUID = 1L;

    public LockfileParseException(String file, int line, String message) {
        super(file, line, message);
    }

    public LockfileParseException(String file, int line, String message, Throwable cause) {
        super(file, line, message, cause);
    }

    public LockfileParseException(LockfileSource source, int line, String message) {
        super(source.displayPath(), line, message);
    }
}
