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

class SemverVersionTest {
    /** The precedence example of the SemVer 2.0 specification (section 11), in order. */
    private static final List<String> SPEC_ORDER = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
            "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1");

    @Test
    void ordersTheSpecificationExample() {
        List<String> shuffled = new ArrayList<>(SPEC_ORDER);
        Collections.shuffle(shuffled, new Random(11));
        List<String> sorted = shuffled.stream().sorted((a, b) -> SemverVersion.parse(a).orElseThrow()
                .compareTo(SemverVersion.parse(b).orElseThrow())).toList();
        assertEquals(SPEC_ORDER, sorted);
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = '|', value = {"0.7.29|0.7.30", "0.7.9|0.7.10", "3.3.5|3.3.6", "1.0.0-2|1.0.0-10",
            "1.0.0-9|1.0.0-a", "1.0.0-a|1.0.0-a.0", "1.0.0-Z|1.0.0-a", "4.1.1|4.1.2", "9.99.99|10.0.0"})
    void ordersPairs(String lower, String higher) {
        assertTrue(SemverVersion.parse(lower).orElseThrow().compareTo(SemverVersion.parse(higher).orElseThrow()) < 0);
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {"1.0.0+build.1|1.0.0+build.2", "v1.2.3|1.2.3", "=1.2.3|1.2.3"})
    void ignoresBuildMetadataAndPrefix(String a, String b) {
        assertEquals(0, SemverVersion.parse(a).orElseThrow().compareTo(SemverVersion.parse(b).orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2", "01.2.3", "1.2.3-01", "1.2.3-", "1.2.3+", "latest",
            "9007199254740992.0.0", "1.2.3.4", "1.2.3-a..b"})
    void refusesInvalidVersions(String text) {
        assertTrue(SemverVersion.parse(text).isEmpty(), text);
    }
}
