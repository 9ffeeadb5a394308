// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.model.ProvgateException;

/** A repository with nothing to read: no commits, or no ref the patterns select. Skipped, not failed. */
public final class NothingToScanException extends ProvgateException {
    public NothingToScanException(String location, String message) {
        super(location, 0, message);
    }
}
