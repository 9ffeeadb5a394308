// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.provgate.model.ProvgateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** vers: ranges evaluated with each ecosystem's ordering. */
class VersRangeTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "vers:pypi/>=1.82.7|<=1.82.8; 1.82.7; true",
        "vers:pypi/>=1.82.7|<=1.82.8; 1.82.8.0; true",
        "vers:pypi/>=1.82.7|<=1.82.8; 1.82.10; false",
        "vers:pypi/>=1.82.7|<=1.82.8; 1.82.8rc1; true",
        "vers:pypi/>=1.82.7|<1.82.8; 1.82.8; false",
        "vers:pypi/1.82.7|1.82.8; 1.82.8; true",
        "vers:pypi/<1.0|>=2.0|<3.0; 2.5; true",
        "vers:pypi/<1.0|>=2.0|<3.0; 1.5; false",
        "vers:pypi/<1.0|>=2.0|<3.0; 0.9; true",
        "vers:pypi/>=1.0|!=1.5|<2.0; 1.5; false",
        "vers:npm/>=1.2.0|<1.10.0; 1.9.3; true",
        "vers:npm/>=1.2.0|<1.10.0; 1.10.0; false",
        "vers:maven/>2.14.0|<=2.17.0; 2.15.0; true",
        "vers:npm/*; 0.0.1; true",
        "vers:pypi/>=1.0; not a version; false",
    })
    void contains(String range, String version, boolean expected) {
        assertEquals(expected, VersRange.parse(range).contains(version));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "pkg:pypi/x; expected vers:TYPE/CONSTRAINTS, e.g. vers:pypi/>=1.82.7|<=1.82.8",
        "vers:cargo/>=1; unknown versioning scheme 'cargo' (npm, pypi and maven are known)",
        "vers:npm/>=one; 'one' is not a semver version",
        "vers:pypi/>=1||<2; empty constraint",
    })
    void malformed(String range, String why) {
        ProvgateException e = assertThrows(ProvgateException.class, () -> VersRange.parse(range));
        assertEquals("version range '" + range + "': " + why, e.getMessage());
    }
}
