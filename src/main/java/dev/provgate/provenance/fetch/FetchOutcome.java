// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import dev.provgate.model.Component;
import java.util.List;

/**
 * What fetching one package gave.
 *
 * @param component    the package (the first lockfile entry of that name@version)
 * @param status       see {@link Status}
 * @param stored       store files written, sorted
 * @param notPublished files the registry answered 404 for (recorded in the store), sorted
 * @param detail       why, for NO_REGISTRY, FAILED and SKIPPED; for FETCHED, what the registry did not say
 *                     (no publish time)
 */
public record FetchOutcome(Component component, Status status, List<String> stored, List<String> notPublished,
                           String detail) {
    public FetchOutcome {
        stored = stored.stream().sorted().toList();
        notPublished = notPublished.stream().sorted().toList();
        detail = detail == null ? "" : detail;
    }

    public enum Status {
        /** The registry answered every lookup; files stored, absences recorded. */
        FETCHED,
        /** Not a registry package (git, path, link) or not pinned to a version: nothing to fetch. */
        SKIPPED,
        /** No option, lockfile URL or user configuration names the registry: stays unverified. */
        NO_REGISTRY,
        /** The registry could not be asked or gave a bad answer; what was stored before is kept. */
        FAILED
    }

    static FetchOutcome failed(Component c, String why) {
        return new FetchOutcome(c, Status.FAILED, List.of(), List.of(), why);
    }

    static FetchOutcome skipped(Component c, String why) {
        return new FetchOutcome(c, Status.SKIPPED, List.of(), List.of(), why);
    }
}
