// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.CheckResult;
import dev.provgate.model.CheckedLockfile;
import dev.provgate.model.Component;
import dev.provgate.model.Evidence;
import dev.provgate.model.Finding;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.ReleaseInfo;
import dev.provgate.model.RuleDescription;
import dev.provgate.model.Severity;
import dev.provgate.model.SignerIdentity;
import dev.provgate.model.Suppression;
import java.io.PrintWriter;
import java.util.Locale;

/** The machine-readable report; docs/report-json.md and docs/report.schema.json describe every field. */
final class JsonReporter implements Reporter {
    /** Bumped only when a field changes meaning or goes away; new fields keep the version. */
    static final int SCHEMA_VERSION = 1;

    private final String toolVersion;

    JsonReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(CheckResult r, PrintWriter out) {
        ObjectNode doc = JsonWriting.object();
        doc.put("schemaVersion", SCHEMA_VERSION);
        doc.putObject("tool").put("name", "provgate").put("version", toolVersion);
        doc.put("verdict", r.blocked() ? "blocked" : "passed");
        doc.put("failOn", r.failOn().label());
        doc.put("ignoreDev", r.ignoreDev());
        doc.put("summaryLine", FindingText.summary(r));
        doc.set("summary", summary(r));
        ArrayNode lockfiles = doc.putArray("lockfiles");
        r.lockfiles().forEach(l -> lockfiles.add(lockfile(l, r)));
        ArrayNode rules = doc.putArray("rules");
        r.rules().forEach(rule -> rules.add(rule(rule)));
        ArrayNode findings = doc.putArray("findings");
        r.verdict().findings().forEach(f -> findings.add(finding(f, r)));
        JsonWriting.write(doc, out);
    }

    private static ObjectNode summary(CheckResult r) {
        ObjectNode s = JsonWriting.object();
        s.put("lockfiles", r.lockfiles().size());
        s.put("packages", r.packages());
        s.put("findings", r.count(Severity.BLOCK) + r.count(Severity.WARN) + r.count(Severity.INFO));
        s.put("block", r.count(Severity.BLOCK));
        s.put("warn", r.count(Severity.WARN));
        s.put("info", r.count(Severity.INFO));
        s.put("suppressed", r.suppressedCount());
        s.put("skippedDev", r.skippedDev());
        return s;
    }

    private static ObjectNode lockfile(CheckedLockfile l, CheckResult r) {
        ObjectNode o = JsonWriting.object();
        o.put("path", l.path());
        o.put("format", l.format());
        o.put("ecosystem", l.ecosystem().purlType());
        o.put("packages", l.checked().size());
        o.put("skippedDev", l.skippedDev());
        o.put("findings", r.findingsIn(l.path()).size());
        return o;
    }

    private static ObjectNode rule(RuleDescription rule) {
        ObjectNode o = JsonWriting.object();
        o.put("id", rule.id());
        o.put("name", rule.name());
        o.put("defaultSeverity", rule.defaultSeverity().label());
        o.put("shortDescription", rule.shortDescription());
        o.put("help", rule.help());
        return o;
    }

    private static ObjectNode finding(Finding f, CheckResult r) {
        ObjectNode o = JsonWriting.object();
        o.put("ruleId", f.ruleId());
        o.put("severity", f.severity().label());
        o.put("blocking", r.blocks(f));
        o.put("message", f.message());
        o.put("remediation", f.remediation());
        o.set("package", pkg(f.component()));
        o.putObject("location").put("file", f.location().file()).put("line", f.location().line());
        o.put("direct", f.component().direct());
        o.set("dependencyPath", JsonWriting.strings(f.dependencyPath()));
        o.put("tier", f.tier());
        o.set("suppression", f.suppressed() ? suppression(f.suppression()) : null);
        ArrayNode evidence = o.putArray("evidence");
        f.evidence().forEach(e -> evidence.add(evidence(e)));
        return o;
    }

    private static ObjectNode pkg(Component c) {
        ObjectNode o = JsonWriting.object();
        o.put("ecosystem", c.ecosystem().purlType());
        o.put("name", c.name());
        o.put("version", c.version());
        o.put("purl", c.purl());
        o.put("scope", c.scope().label());
        o.putObject("source").put("kind", c.source().kind().label()).put("url", c.source().url());
        return o;
    }

    private static ObjectNode suppression(Suppression s) {
        ObjectNode o = JsonWriting.object();
        o.put("reason", s.reason());
        o.put("owner", s.owner());
        o.put("expires", s.expires() == null ? null : s.expires().toString());
        return o;
    }

    private static ObjectNode evidence(Evidence e) {
        ObjectNode o = JsonWriting.object();
        o.put("kind", e.kind());
        if (e instanceof AdvisoryMatch a) {
            o.put("id", a.advisoryId());
            o.set("aliases", JsonWriting.strings(a.aliases()));
            o.put("summary", a.summary());
            o.put("basis", a.basis().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            o.put("malicious", a.malicious());
            o.put("remediation", a.remediation());
        } else if (e instanceof ProvenanceResult p) {
            o.put("mechanism", p.mechanism());
            o.put("outcome", p.outcome().name().toLowerCase(Locale.ROOT));
            o.put("reason", p.reason());
            o.set("identity", p.identity() == null ? null : identity(p.identity()));
            o.put("bundleSha256", p.bundleSha256());
            o.put("logIndex", p.logIndex());
            o.put("signedAt", p.signedAt() == null ? null : p.signedAt().toString());
        } else if (e instanceof ReleaseInfo ri) {
            o.put("publishedAt", ri.publishedAt() == null ? null : ri.publishedAt().toString());
            o.put("origin", ri.origin());
            if (ri.installScript() != null) {
                o.put("installScript", ri.installScript());
            }
        }
        return o;
    }

    private static ObjectNode identity(SignerIdentity i) {
        ObjectNode o = JsonWriting.object();
        o.put("issuer", i.issuer());
        o.put("subject", i.subject());
        o.put("sourceRepository", i.sourceRepository());
        o.put("workflow", i.workflow());
        o.put("ref", i.ref());
        o.put("keyFingerprint", i.keyFingerprint());
        return o;
    }
}
