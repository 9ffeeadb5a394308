// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.CheckResult;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JunitReporterTest {
    static List<CheckResult> results() {
        return SampleResults.all();
    }

    private static Document parse(CheckResult r) throws Exception {
        String xml = SampleResults.render(new JunitReporter(), r);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    /** Every count attribute agrees with the elements under it, in every sample. */
    @ParameterizedTest
    @MethodSource("results")
    void wellFormedWithConsistentCounts(CheckResult r) throws Exception {
        Element root = parse(r).getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        int tests = 0;
        int failures = 0;
        for (Element suite : children(root, "testsuite")) {
            List<Element> cases = children(suite, "testcase");
            long failed = cases.stream().filter(c -> !children(c, "failure").isEmpty()).count();
            assertEquals(cases.size(), Integer.parseInt(suite.getAttribute("tests")));
            assertEquals(failed, Integer.parseInt(suite.getAttribute("failures")));
            tests += cases.size();
            failures += (int) failed;
        }
        assertEquals(tests, Integer.parseInt(root.getAttribute("tests")));
        assertEquals(failures, Integer.parseInt(root.getAttribute("failures")));
    }

    @Test
    void oneSuitePerLockfileOneCasePerPackageFailuresForBlockingFindings() throws Exception {
        Element root = parse(SampleResults.mixed()).getDocumentElement();
        List<Element> suites = children(root, "testsuite");
        assertEquals(List.of("app/package-lock.json", "svc/poetry.lock", "other dir/requirements.txt"),
                suites.stream().map(s -> s.getAttribute("name")).toList());
        assertEquals(List.of("express@4.18.2", "event-stream@3.3.6", "flatmap-stream@0.1.1"),
                children(suites.get(0), "testcase").stream().map(c -> c.getAttribute("name")).toList());
        Element flatmap = children(suites.get(0), "testcase").get(2);
        Element failure = children(flatmap, "failure").get(0);
        assertEquals("advisory/malicious", failure.getAttribute("type"));
        assertEquals("57", flatmap.getAttribute("line"));
        assertTrue(failure.getTextContent().contains("fix: remove event-stream 3.3.6"), failure.getTextContent());

        Element suppressed = children(suites.get(0), "testcase").get(1);
        assertTrue(children(suppressed, "failure").isEmpty());
        assertTrue(children(suppressed, "system-out").get(0).getTextContent().contains("suppressed: vendored"));

        Element warned = children(suites.get(1), "testcase").get(0);
        assertTrue(children(warned, "failure").isEmpty());
        assertTrue(children(warned, "system-out").get(0).getTextContent().startsWith("warn advisory/name-only"));
    }

    @Test
    void warningsFailTheCaseWhenTheyBlock() throws Exception {
        CheckResult mixed = SampleResults.mixed();
        CheckResult strict = new CheckResult(mixed.lockfiles(), mixed.rules(), mixed.verdict(),
                dev.provgate.model.Severity.WARN, mixed.ignoreDev());
        Element poetry = children(parse(strict).getDocumentElement(), "testsuite").get(1);
        assertEquals("1", poetry.getAttribute("failures"));
    }
}
