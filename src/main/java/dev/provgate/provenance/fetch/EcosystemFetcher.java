// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import dev.provgate.model.Component;
import java.io.IOException;

/** Fetches one package's attestations, signatures and publish time from a registry into the store. */
interface EcosystemFetcher {
    /**
     * @param component a registry package pinned to a version
     * @param base      the registry base URL, no trailing slash
     */
    FetchOutcome fetch(Component component, String base) throws IOException;
}
