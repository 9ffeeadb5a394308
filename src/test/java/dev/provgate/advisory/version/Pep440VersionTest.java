// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples of PEP 440 itself, written out as tables. */
class Pep440VersionTest {
    /** PEP 440, "Normalization": each spelling and its normal form. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1.1RC1|1.1rc1",
            "00|0",
            "09000|9000",
            "1.0+foo0100|1.0+foo0100",
            "1.1.a1|1.1a1",
            "1.1-a1|1.1a1",
            "1.1_a1|1.1a1",
            "1.0a.1|1.0a1",
            "1.0a-1|1.0a1",
            "1.1alpha1|1.1a1",
            "1.1beta2|1.1b2",
            "1.1c3|1.1rc3",
            "1.1pre3|1.1rc3",
            "1.1preview3|1.1rc3",
            "1.2a|1.2a0",
            "1.2-post2|1.2.post2",
            "1.2post2|1.2.post2",
            "1.2_post2|1.2.post2",
            "1.0.post-1|1.0.post1",
            "1.0-r4|1.0.post4",
            "1.0-rev4|1.0.post4",
            "1.2.post|1.2.post0",
            "1.0-post|1.0.post0",
            "1.0-1|1.0.post1",
            "1.2-dev2|1.2.dev2",
            "1.2dev2|1.2.dev2",
            "1.2_dev2|1.2.dev2",
            "1.2.dev|1.2.dev0",
            "1.0+ubuntu-1|1.0+ubuntu.1",
            "1.0+ubuntu_1|1.0+ubuntu.1",
            "1.0+0100|1.0+100",
            "v1.0|1.0",
            "' 1.0 '|1.0",
            "1!2.0|1!2.0",
            "0!1.0|1.0",
            "1.0.0a1.post2.dev3+Local.7|1.0.0a1.post2.dev3+local.7",
    })
    void normalizes(String spelling, String normal) {
        assertEquals(normal, Pep440Version.parse(spelling).orElseThrow().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "french toast", "1.0-", "1.0+", "1.0+local..1", "1..0", ".1", "1.0.dev1.post1",
            "1.0+local-", "1.0 2", "1!", "a1.0"})
    void refusesInvalidVersions(String text) {
        assertTrue(Pep440Version.parse(text).isEmpty(), text);
    }

    /** PEP 440, "Summary of permitted suffixes and relative ordering", in order. */
    private static final List<String> PEP_ORDER = List.of(
            "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
            "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7",
            "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1");

    @Test
    void ordersThePepExampleList() {
        List<String> shuffled = new ArrayList<>(PEP_ORDER);
        Collections.shuffle(shuffled, new Random(440));
        List<String> sorted = shuffled.stream()
                .sorted((a, b) -> Pep440Version.parse(a).orElseThrow().compareTo(Pep440Version.parse(b).orElseThrow()))
                .toList();
        assertEquals(PEP_ORDER, sorted);
    }

    /** Pairs: left sorts strictly before right (epochs, zero padding, local labels). */
    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = '|', value = {
            "2013.10|1!1.0",
            "1.0|1!0.1",
            "1.0+abc|1.0+abc.1",
            "1.0+abc.z|1.0+abc.1",
            "1.0+1|1.0+2",
            "1.0+a|1.0+b",
            "1.0.post1|1.0.1",
            "1.0a1|1.0a2",
            "1.0b9|1.0rc0",
            "1.0rc9|1.0",
            "1.0.dev9|1.0a0",
            "1.0a1.dev1|1.0a1",
            "1.0.post1.dev1|1.0.post1",
            "1.82.6|1.82.7",
            "1.82.8|1.82.9",
            "1.82.8|1.82.10",
            "1.9|1.10",
    })
    void ordersPairs(String lower, String higher) {
        Pep440Version a = Pep440Version.parse(lower).orElseThrow();
        Pep440Version b = Pep440Version.parse(higher).orElseThrow();
        assertTrue(a.compareTo(b) < 0, lower + " < " + higher);
        assertTrue(b.compareTo(a) > 0, higher + " > " + lower);
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {"1.0|1.0.0", "1.0|1.0.0.0", "1.1RC1|1.1rc1", "v1.0|1.0", "1.0-1|1.0.post1",
            "0!1.0|1.0"})
    void comparesEqualUnderPadding(String a, String b) {
        assertEquals(0, Pep440Version.parse(a).orElseThrow().compareTo(Pep440Version.parse(b).orElseThrow()));
    }
}
