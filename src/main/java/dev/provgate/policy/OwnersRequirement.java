// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Severity;
import java.util.List;
import java.util.Locale;

/**
 * {@code allowed_owners}: a GitHub Actions reference's owner (the organisation or user before the first slash) is one
 * of the listed ones, compared case-insensitively as GitHub does. Other components pass.
 *
 * @param owners the allowed owners
 */
public record OwnersRequirement(Severity severity, List<String> owners) implements Requirement {
    public OwnersRequirement {
        owners = List.copyOf(owners);
    }

    @Override
    public RequirementKind kind() {
        return RequirementKind.OWNERS;
    }

    @Override
    public String describe() {
        return "GitHub Actions owned by " + String.join(", ", owners);
    }

    @Override
    public Outcome check(CheckContext ctx) {
        Component c = ctx.component();
        if (c.ecosystem() != Ecosystem.GITHUB_ACTIONS) {
            return Outcome.pass(this, "not a GitHub Actions reference");
        }
        String owner = owner(c);
        return owners.stream().anyMatch(o -> o.equalsIgnoreCase(owner))
                ? Outcome.pass(this, "owner " + owner + " is allowed")
                : Outcome.fail(this, "owner " + owner + " of " + c.name() + " is not in allowed_owners ("
                        + String.join(", ", owners) + ")");
    }

    @Override
    public String remediation(CheckContext ctx) {
        return "use an action of " + String.join(", ", owners) + ", fork " + ctx.component().name()
                + " into one of them, or add " + owner(ctx.component()) + " to allowed_owners";
    }

    private static String owner(Component c) {
        int slash = c.name().indexOf('/');
        return (slash < 0 ? c.name() : c.name().substring(0, slash)).toLowerCase(Locale.ROOT);
    }
}
