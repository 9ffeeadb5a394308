// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import dev.provgate.model.CheckResult;
import dev.provgate.model.CheckedLockfile;
import dev.provgate.model.Component;
import dev.provgate.model.Finding;
import dev.provgate.model.Location;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI test views: one test suite per lockfile, one test case per package checked; a blocking finding
 * is the case's failure, other findings go to its output.
 */
final class JunitReporter implements Reporter {
    private record Case(String name, Location location, List<Finding> findings) {
    }

    private record Suite(String name, List<Case> cases) {
    }

    @Override
    public void write(CheckResult r, PrintWriter out) {
        List<Suite> suites = suites(r);
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "provgate check");
            counts(x, suites.stream().flatMap(s -> s.cases().stream()).toList(), r);
            for (Suite s : suites) {
                suite(x, s, r);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        out.print("\n");
        out.flush();
    }

    private static List<Suite> suites(CheckResult r) {
        List<Suite> suites = new ArrayList<>();
        for (CheckedLockfile l : r.lockfiles()) {
            Map<List<Object>, Case> cases = new LinkedHashMap<>();
            l.checked().forEach(c -> cases.put(key(c), new Case(c.coordinates(), c.location(), new ArrayList<>())));
            for (Finding f : r.findingsIn(l.path())) {
                cases.computeIfAbsent(key(f.component()),
                        k -> new Case(f.component().coordinates(), f.location(), new ArrayList<>())).findings().add(f);
            }
            suites.add(new Suite(l.path(), List.copyOf(cases.values())));
        }
        Set<String> paths = r.lockfiles().stream().map(CheckedLockfile::path).collect(Collectors.toSet());
        Map<String, List<Case>> elsewhere = new TreeMap<>();
        r.verdict().findings().stream().filter(f -> !paths.contains(f.location().file())).forEach(f ->
                elsewhere.computeIfAbsent(f.location().file(), k -> new ArrayList<>())
                        .add(new Case(f.component().coordinates(), f.location(), List.of(f))));
        elsewhere.forEach((file, cases) -> suites.add(new Suite(file, cases)));
        return suites;
    }

    private static List<Object> key(Component c) {
        return List.of(c.purl(), c.source());
    }

    private static void counts(XMLStreamWriter x, List<Case> cases, CheckResult r) throws XMLStreamException {
        x.writeAttribute("tests", Integer.toString(cases.size()));
        x.writeAttribute("failures", Long.toString(cases.stream().filter(c -> !blocking(c, r).isEmpty()).count()));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", "0");
    }

    private static void suite(XMLStreamWriter x, Suite s, CheckResult r) throws XMLStreamException {
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", safe(s.name()));
        counts(x, s.cases(), r);
        for (Case c : s.cases()) {
            testcase(x, s.name(), c, r);
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private static void testcase(XMLStreamWriter x, String suite, Case c, CheckResult r) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", safe(suite));
        x.writeAttribute("name", safe(c.name()));
        x.writeAttribute("file", safe(c.location().file()));
        if (c.location().line() > 0) {
            x.writeAttribute("line", Integer.toString(c.location().line()));
        }
        List<Finding> blocking = blocking(c, r);
        List<Finding> others = c.findings().stream().filter(f -> !r.blocks(f)).toList();
        if (!blocking.isEmpty()) {
            x.writeCharacters("\n      ");
            x.writeStartElement("failure");
            x.writeAttribute("type", blocking.get(0).ruleId());
            x.writeAttribute("message", safe(blocking.get(0).message()));
            x.writeCharacters(details(blocking));
            x.writeEndElement();
        }
        if (!others.isEmpty()) {
            x.writeCharacters("\n      ");
            x.writeStartElement("system-out");
            x.writeCharacters(details(others));
            x.writeEndElement();
        }
        if (!c.findings().isEmpty()) {
            x.writeCharacters("\n    ");
        }
        x.writeEndElement();
    }

    private static List<Finding> blocking(Case c, CheckResult r) {
        return c.findings().stream().filter(r::blocks).toList();
    }

    private static String details(List<Finding> findings) {
        List<String> lines = new ArrayList<>();
        for (Finding f : findings) {
            String state = f.suppressed() ? " (suppressed: " + FindingText.suppression(f.suppression()) + ")" : "";
            lines.add(f.severity().label() + " " + f.ruleId() + state + ": " + f.message());
            lines.add("  at " + f.location() + ", " + FindingText.origin(f));
            if (!f.remediation().isEmpty()) {
                lines.add("  fix: " + f.remediation());
            }
        }
        return lines.stream().map(JunitReporter::safe).collect(Collectors.joining("\n"));
    }

    /** Only characters XML 1.0 allows: a hostile lockfile must not make the report unreadable. */
    private static String safe(String s) {
        return FindingText.clean(s).replace('\uFFFE', '\uFFFD').replace('\uFFFF', '\uFFFD');
    }
}
