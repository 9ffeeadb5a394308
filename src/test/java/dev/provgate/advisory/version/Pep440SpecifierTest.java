// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The specifier examples of PEP 440 ("Version specifiers"), one row per example: specifier, candidate, match. */
class Pep440SpecifierTest {
    @ParameterizedTest(name = "{0} admits {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            // Compatible release: ~=2.2 is >=2.2, ==2.*; ~=1.4.5 is >=1.4.5, ==1.4.*
            "~=2.2|2.2|true", "~=2.2|2.9|true", "~=2.2|3.0|false", "~=2.2|2.1|false",
            "~=1.4.5|1.4.5|true", "~=1.4.5|1.4.9|true", "~=1.4.5|1.5.0|false",
            "~=2.2.post3|2.2.post3|true", "~=2.2.post3|2.3|true", "~=2.2.post3|2.2|false", "~=2.2.post3|3.0|false",
            "~=1.4.5a4|1.4.5a4|true", "~=1.4.5a4|1.4.5|true", "~=1.4.5a4|1.4.6|true", "~=1.4.5a4|1.5.0|false",
            "~=2.2.0|2.2.0|true", "~=2.2.0|2.2.9|true", "~=2.2.0|2.3.0|false",
            // Version matching, given 1.1.post1
            "==1.1|1.1.post1|false", "==1.1.post1|1.1.post1|true", "==1.1.*|1.1.post1|true",
            // given 1.1a1 (pre-releases requested by the clause that names one)
            "==1.1|1.1a1|false", "==1.1a1|1.1a1|true",
            // given 1.1: exact match is also a prefix match; zero padding
            "==1.1|1.1|true", "==1.1.0|1.1|true", "==1.1.dev1|1.1|false", "==1.1a1|1.1|false",
            "==1.1.post1|1.1|false", "==1.1.*|1.1|true",
            "==1.*|1|true", "==1.0.*|1|true", "==1.1.*|1.10|false",
            // local labels: ignored for a public specifier, compared strictly for a local one
            "==1.0|1.0+ubuntu.1|true", "==1.0+ubuntu.1|1.0+ubuntu.1|true", "==1.0+ubuntu.1|1.0+ubuntu.2|false",
            "==1.0+ubuntu-1|1.0+ubuntu.1|true", "==1.0+ubuntu.1|1.0|false",
            // Version exclusion, given 1.1.post1
            "!=1.1|1.1.post1|true", "!=1.1.post1|1.1.post1|false", "!=1.1.*|1.1.post1|false",
            // Inclusive ordered comparison
            "<=2.0|2.0|true", "<=2.0|2.0.post1|false", ">=2.0|2.0|true", ">=2.0|1.9|false", "<=1.0|1.0+local|true",
            // Exclusive ordered comparison: >1.7 allows 1.7.1, not 1.7.0.post1; >1.7.post2 allows 1.7.1 and
            // 1.7.0.post3, not 1.7.0
            ">1.7|1.7.1|true", ">1.7|1.7.0.post1|false", ">1.7.post2|1.7.1|true", ">1.7.post2|1.7.0.post3|true",
            ">1.7.post2|1.7.0|false", ">1.7|1.7.0+local|false", ">1.7|1.7|false",
            // <V excludes pre-releases of V unless V is one
            "<1.7|1.6|true", "<1.7|1.7|false", "<1.7|1.7.0rc1|false", "<1.7.0rc1|1.7.0b1|true",
            // Arbitrary equality
            "===foobar|foobar|true", "===1.0|1.0+downstream1|false", "===1.0|1.0|true", "===1.0|1.0.0|false",
            // Several clauses
            ">=1.0,!=1.3.4,<2|1.3.4|false", ">=1.0,!=1.3.4,<2|1.3.5|true", ">=1.0, <2|2.0|false",
            // pre-releases excluded by default, admitted when a clause names one
            ">=1.0|2.0b1|false", ">=1.0b1|2.0b1|true", "<2|1.9.dev1|false", "|1.0|true", "|1.0a1|false",
            // an invalid candidate matches only ===
            ">=1.0|french toast|false", "===frenchtoast|FrenchToast|true",
    })
    void matches(String specifier, String candidate, boolean expected) {
        Pep440Specifier s = Pep440Specifier.parse(specifier == null ? "" : specifier).orElseThrow();
        assertEquals(expected, s.contains(candidate), specifier + " vs " + candidate);
    }

    @ParameterizedTest(name = "{0} admits pre-release {1} when asked: {2}")
    @CsvSource(delimiter = '|', value = {">=1.0|2.0b1|true", "==1.1.*|1.1a1|true", "<1.7|1.7.0rc1|false"})
    void admitsPrereleasesWhenAsked(String specifier, String candidate, boolean expected) {
        assertEquals(expected, Pep440Specifier.parse(specifier).orElseThrow().contains(candidate, true));
    }

    /** Invalid per PEP 440: ~= needs two release numbers, wildcards only with ==/!= after a release, no local in
     * ordered comparisons. */
    @ParameterizedTest
    @ValueSource(strings = {"~=1", "~=1.0+local", ">=1.0.*", "==1.0a1.*", "==1.0+local.*", "<1.0+local", "=>1.0",
            "1.0", ">=", ">=1.0,", "==french toast", "~=1.*", "===french toast"})
    void refusesInvalidSpecifiers(String text) {
        assertTrue(Pep440Specifier.parse(text).isEmpty(), text);
    }
}
