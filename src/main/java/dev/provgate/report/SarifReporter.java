// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.CheckResult;
import dev.provgate.model.Finding;
import dev.provgate.model.RuleDescription;
import dev.provgate.model.Severity;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * SARIF 2.1.0 for code scanning: one result per finding, located at the lockfile line; one rule per finding kind;
 * suppressed findings carry {@code suppressions} rather than disappearing.
 */
final class SarifReporter implements Reporter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** GitHub code scanning rejects a run with more results than this. */
    static final int MAX_RESULTS = 25_000;

    /** GitHub code scanning resolves {@code %SRCROOT%} to the checkout: locations never carry a runner's path. */
    static final String SRCROOT = "%SRCROOT%";

    private final String toolVersion;
    private final UnaryOperator<String> sourcePath;

    SarifReporter(String toolVersion, UnaryOperator<String> sourcePath) {
        this.toolVersion = toolVersion;
        this.sourcePath = sourcePath;
    }

    @Override
    public void write(CheckResult r, PrintWriter out) {
        Map<String, RuleDescription> rules = rules(r);
        List<String> ids = List.copyOf(rules.keySet());
        ObjectNode doc = JsonWriting.object();
        doc.put("$schema", SCHEMA);
        doc.put("version", "2.1.0");
        ObjectNode run = doc.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "provgate");
        driver.put("version", toolVersion);
        ArrayNode ruleNodes = driver.putArray("rules");
        rules.values().forEach(rule -> ruleNodes.add(rule(rule)));
        List<Finding> findings = r.verdict().findings();
        if (findings.size() > MAX_RESULTS) {
            findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).limit(MAX_RESULTS).toList();
            leftOut(run, r.verdict().findings().size() - MAX_RESULTS);
        }
        ArrayNode results = run.putArray("results");
        findings.forEach(f -> results.add(result(f, ids.indexOf(f.ruleId()), r, sourcePath)));
        JsonWriting.write(doc, out);
    }

    /** Past GitHub's upload limit the most severe results are kept; the run says how many were left out. */
    private static void leftOut(ObjectNode run, int count) {
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        invocation.putArray("toolExecutionNotifications").addObject()
                .put("level", "warning")
                .putObject("message").put("text", FindingText.number(count) + " results left out: code scanning "
                        + "takes at most " + FindingText.number(MAX_RESULTS) + " a run, so the least severe were "
                        + "dropped; the JSON report (--output json=FILE) has every finding.");
    }

    /** The evaluators' rules, plus a plain description for any rule id a finding carries that none described. */
    private static Map<String, RuleDescription> rules(CheckResult r) {
        Map<String, RuleDescription> rules = new LinkedHashMap<>();
        r.rules().forEach(rule -> rules.put(rule.id(), rule));
        r.verdict().findings().stream().map(Finding::ruleId).sorted().distinct()
                .filter(id -> !rules.containsKey(id))
                .forEach(id -> rules.put(id, new RuleDescription(id, id, Severity.WARN,
                        "provgate rule " + id + ".", "See the finding's message and remediation.")));
        return rules;
    }

    private static ObjectNode rule(RuleDescription rule) {
        ObjectNode o = JsonWriting.object();
        o.put("id", rule.id());
        o.put("name", rule.name());
        o.putObject("shortDescription").put("text", rule.shortDescription());
        o.putObject("fullDescription").put("text", rule.shortDescription());
        o.putObject("help").put("text", rule.help());
        o.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
        o.putObject("properties").set("tags", JsonWriting.strings(List.of("security", "supply-chain")));
        return o;
    }

    private static ObjectNode result(Finding f, int ruleIndex, CheckResult r, UnaryOperator<String> sourcePath) {
        ObjectNode o = JsonWriting.object();
        o.put("ruleId", f.ruleId());
        o.put("ruleIndex", ruleIndex);
        o.put("level", level(f.severity()));
        o.putObject("message").put("text", messageText(f));
        ObjectNode physical = o.putArray("locations").addObject().putObject("physicalLocation");
        String file = sourcePath.apply(f.location().file());
        physical.putObject("artifactLocation").put("uri", uri(file)).put("uriBaseId", SRCROOT);
        if (f.location().line() > 0) {
            physical.putObject("region").put("startLine", f.location().line());
        }
        o.putObject("partialFingerprints").put("provgateFinding/v1", fingerprint(f, file));
        o.set("properties", properties(f, r));
        if (f.suppressed()) {
            o.putArray("suppressions").addObject()
                    .put("kind", "external")
                    .put("status", "accepted")
                    .put("justification", FindingText.suppression(f.suppression()));
        }
        return o;
    }

    private static String messageText(Finding f) {
        String text = f.message() + " (" + FindingText.origin(f) + ")";
        return f.remediation().isEmpty() ? text : text + ". Fix: " + f.remediation();
    }

    private static ObjectNode properties(Finding f, CheckResult r) {
        ObjectNode p = JsonWriting.object();
        p.put("purl", f.component().purl());
        p.put("severity", f.severity().label());
        p.put("blocking", r.blocks(f));
        p.put("direct", f.component().direct());
        p.set("dependencyPath", JsonWriting.strings(f.dependencyPath()));
        p.set("advisories", JsonWriting.strings(
                FindingText.advisories(f).stream().map(AdvisoryMatch::advisoryId).toList()));
        if (!f.tier().isEmpty()) {
            p.put("tier", f.tier());
        }
        return p;
    }

    static String level(Severity s) {
        return switch (s) {
            case BLOCK -> "error";
            case WARN -> "warning";
            case INFO -> "note";
        };
    }

    /** The lockfile path as a URI reference: bytes outside the unreserved set and '/' are percent-encoded. */
    static String uri(String file) {
        StringBuilder b = new StringBuilder();
        for (byte x : file.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/".indexOf(c) >= 0;
            b.append(plain ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return b.toString();
    }

    /** Stable across runs and line moves, so code scanning keeps one alert per package, rule and advisory. */
    private static String fingerprint(Finding f, String file) {
        String key = String.join("\n", f.ruleId(), file, f.component().purl(),
                f.component().source().url(), FindingText.advisoryIds(f));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
