// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationSyntaxTest {
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            7d     | PT168H
            36h    | PT36H
            90m    | PT1H30M
            0d     | PT0S
            7      | ''
            7 d    | ''
            7D     | ''
            1w     | ''
            1d12h  | ''
            -1d    | ''
            1.5d   | ''
            """)
    void parses(String text, String expected) {
        assertEquals(expected.isEmpty() ? null : Duration.parse(expected),
                DurationSyntax.parse(text).orElse(null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PT168H    | 7d  | 7d
            PT36H     | 36h | 36h
            PT1H30M   | 90m | 1h 30m
            PT250H    | 250h | 10d 10h
            PT45M     | 45m | 45m
            """)
    void formats(String duration, String policy, String age) {
        assertEquals(policy, DurationSyntax.format(Duration.parse(duration)));
        assertEquals(age, DurationSyntax.age(Duration.parse(duration)));
    }
}
