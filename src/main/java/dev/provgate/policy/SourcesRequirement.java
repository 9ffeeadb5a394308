// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Severity;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.util.List;
import java.util.Set;

/**
 * {@code sources}: registry packages come from an allowed registry (URL prefixes; none listed means any registry);
 * git, URL and path (including link) sources are forbidden unless allowed; workspace packages are allowed unless
 * forbidden.
 *
 * @param registries allowed registry URL prefixes
 * @param allowed    the non-registry source kinds allowed
 */
public record SourcesRequirement(Severity severity, List<String> registries, Set<SourceKind> allowed)
        implements Requirement {
    public SourcesRequirement {
        registries = List.copyOf(registries);
        allowed = Set.copyOf(allowed);
    }

    @Override
    public RequirementKind kind() {
        return RequirementKind.SOURCES;
    }

    @Override
    public String describe() {
        String from = registries.isEmpty() ? "any registry" : "registries " + String.join(", ", registries);
        List<String> kinds = allowed.stream().map(SourceKind::label).sorted().toList();
        return "from " + from + (kinds.isEmpty() ? "" : "; also allowed: " + String.join(", ", kinds));
    }

    @Override
    public Outcome check(CheckContext ctx) {
        Source source = ctx.component().source();
        if (!source.kind().isRegistry()) {
            String what = source.kind().label() + " source" + (source.url().isEmpty() ? "" : " " + source.url());
            return allowed.contains(source.kind()) ? Outcome.pass(this, what + " (allowed)")
                    : Outcome.fail(this, what + ": " + source.kind().label() + " sources are forbidden in this tier");
        }
        String where = source.registry().isEmpty() ? source.url() : source.registry();
        if (registries.isEmpty()) {
            return Outcome.pass(this, "registry" + (where.isEmpty() ? "" : " " + where));
        }
        if (where.isEmpty()) {
            return Outcome.unverified(this, "the lockfile does not record which registry "
                    + ctx.component().coordinates() + " came from");
        }
        // A registry recorded as https://host matches an allowed https://host/ (what init writes).
        return registries.stream().anyMatch((where + "/")::startsWith)
                ? Outcome.pass(this, "registry " + where)
                : Outcome.fail(this, "from " + where + ", not an allowed registry");
    }

    @Override
    public String remediation(CheckContext ctx) {
        return ctx.component().source().kind().isRegistry()
                ? "resolve it from an allowed registry: " + String.join(", ", registries)
                : "depend on a registry release instead, or allow " + ctx.component().source().kind().label()
                        + " sources for this tier";
    }
}
