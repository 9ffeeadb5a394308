// SPDX-License-Identifier: Apache-2.0
package dev.provgate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.model.Component;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DependencyPathsTest {
    private static LockfileInventory lock(String text) {
        return new TestLockParser().parse(new LockfileSource("x.testlock",
                text.replace(';', '\n').getBytes(StandardCharsets.UTF_8), ""));
    }

    /** Lockfile lines are separated by ';' here; the expected path by ' > ', empty for none. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "direct component has no path       | a@1 direct                                           | a | ",
            "one step                           | a@1 direct deps=b@1; b@1                             | b | a@1 > b@1",
            "shortest of two routes             | a@1 direct deps=b@1,d@1; b@1 deps=c@1; c@1 deps=d@1; d@1 "
                    + "| d | a@1 > d@1",
            "tie goes to the root sorting first | z@1 direct deps=x@1; a@1 direct deps=x@1; x@1         | x | a@1 > x@1",
            "cycle does not loop                | a@1 direct deps=b@1; b@1 deps=c@1; c@1 deps=b@1      | c "
                    + "| a@1 > b@1 > c@1",
            "no edges: path unknown             | a@1 direct; b@1                                      | b | ",
            "unreachable from any root          | a@1 direct; b@1 deps=c@1; c@1                        | c | ",
            "direct elsewhere in the file       | a@1 direct deps=b@1; b@1; b@1 direct                 | b | ",
    })
    void shortestPathFromADirectDependency(String name, String lockfile, String target, String expected) {
        LockfileInventory inv = lock(lockfile);
        DependencyPaths paths = new DependencyPaths(inv);
        Component c = inv.components().stream().filter(x -> x.name().equals(target)).findFirst().orElseThrow();
        List<String> want = expected == null ? List.of() : Arrays.asList(expected.split(" > "));
        assertEquals(want, paths.pathTo(c));
    }
}
