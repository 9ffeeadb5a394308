// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import dev.provgate.model.ProvgateException;

/** {@code --offline}: no network at all; any attempt is a user-visible error, never a silent skip. */
public final class OfflineNetwork implements Network {
    public static final String MESSAGE = "network disabled by --offline";

    @Override
    public Response send(Request request) {
        throw new ProvgateException(MESSAGE + " (wanted " + request.uri() + ")");
    }

    @Override
    public boolean online() {
        return false;
    }
}
