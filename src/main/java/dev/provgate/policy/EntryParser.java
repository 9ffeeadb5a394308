// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import java.util.List;
import dev.provgate.model.Location;
import dev.provgate.model.Severity;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Reads the list entries of a policy: identities, approved versions, blocked packages and exceptions. */
final class EntryParser {
    private final Values values;

    EntryParser(Values values) {
        this.values = values;
    }

    ExpectedIdentity identity(YamlNode node) {
        MappingReader m = reader(node, "an identity", "package", "repository", "workflow", "issuer", "ref",
                "triggers");
        if (!m.has("repository") && !m.has("workflow") && !m.has("issuer")) {
            throw m.error(node, "an identity needs at least one of repository, workflow or issuer");
        }
        List<String> triggers = m.list("triggers").stream().map(t -> m.text(t, "triggers")).toList();
        return new ExpectedIdentity(m.requiredPattern("package"), m.string("repository").orElse(""),
                m.string("workflow").orElse(""), m.string("issuer").orElse(""), m.string("ref").orElse(""),
                triggers, at(node));
    }

    ApprovedVersion approved(YamlNode node) {
        MappingReader m = reader(node, "an approval", "package", "by", "reason", "date");
        PurlPattern p = m.requiredPattern("package");
        if (p.version().isEmpty()) {
            throw m.error(m.requiredNode("package"), "an approval names one exact version, e.g. " + p + "@1.2.3");
        }
        m.node("date").ifPresent(d -> date(d, "date"));
        return new ApprovedVersion(p, m.requiredString("by"), m.requiredString("reason"), at(node));
    }

    BlockedEntry blocked(YamlNode node) {
        MappingReader m = reader(node, "a blocked entry", "package", "reason", "severity");
        return new BlockedEntry(m.requiredPattern("package"), m.requiredString("reason"), m.severity(Severity.BLOCK),
                at(node));
    }

    ExceptionEntry exception(YamlNode node) {
        MappingReader m = reader(node, "an exception", "package", "rule", "reason", "owner", "expires");
        PurlPattern p = m.requiredPattern("package");
        String rule = ruleId(m.requiredNode("rule"));
        String reason = m.requiredString("reason");
        String owner = m.requiredString("owner");
        LocalDate expires = date(m.requiredNode("expires"), "expires");
        return new ExceptionEntry(p, rule, reason, owner, expires, at(node));
    }

    /** Known tier/ and policy/ rule ids (or a family with /*); other families (advisory/...) pass through. */
    private String ruleId(YamlNode n) {
        String id = values.text(n, "rule");
        if (!id.matches("[a-z0-9-]+/([a-z0-9-]+|\\*)")) {
            throw values.error(n, "bad rule id '" + id + "': a rule id is FAMILY/NAME, e.g. tier/provenance"
                    + DidYouMean.hint(id, RuleIds.ALL));
        }
        boolean ours = id.startsWith("tier/") || id.startsWith("policy/");
        if (ours && !id.endsWith("/*") && !RuleIds.ALL.contains(id)) {
            throw values.error(n, "unknown rule '" + id + "'" + DidYouMean.hint(id, RuleIds.ALL) + "; rules: "
                    + String.join(", ", RuleIds.ALL));
        }
        return id;
    }

    private LocalDate date(YamlNode n, String key) {
        String text = values.text(n, key);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw values.error(n, "bad date '" + text + "' for '" + key + "': write YYYY-MM-DD, e.g. 2026-12-31");
        }
    }

    private MappingReader reader(YamlNode node, String what, String... keys) {
        return new MappingReader(values.file(), node, what, Set.of(keys));
    }

    private Location at(YamlNode node) {
        return new Location(values.file(), node.line());
    }
}
