// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.RefKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinCommentsTest {
    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);

    private static LockfileInventory workflow(String path, String... uses) {
        StringBuilder yaml = new StringBuilder("jobs:\n  j:\n    steps:\n");
        for (String u : uses) {
            yaml.append("      - uses: ").append(u).append('\n');
        }
        return new GitHubWorkflowParser().parse(new LockfileSource(path,
                yaml.toString().getBytes(StandardCharsets.UTF_8), ""));
    }

    private static List<String> conflicts(Inventory inventory) {
        return inventory.components().map(c -> c.location() + " " + c.attributes().getOrDefault(
                RefKind.PIN_CONFLICT, "-")).toList();
    }

    @Test
    void agreeingCommentsLeaveTheInventoryAsItIs() {
        Inventory agreeing = new Inventory(List.of(
                workflow("a.yml", "actions/checkout@" + A + " # v4.2.2", "actions/cache@" + B + " # v4.2.2"),
                workflow("b.yml", "actions/checkout@" + A + " # 4.2.2", "actions/checkout@v4")));
        assertSame(agreeing, PinComments.crossCheck(agreeing));
    }

    @Test
    void oneVersionOnTwoCommitsAndOneCommitAsTwoVersionsAreMarked() {
        Inventory inventory = PinComments.crossCheck(new Inventory(List.of(
                workflow("a.yml", "actions/checkout@" + A + " # v4.2.2", "github/codeql-action/init@" + A + " # v3.1"),
                workflow("b.yml", "actions/checkout@" + B + " # v4.2.2",
                        "github/codeql-action/analyze@" + A + " # v3.2"))));
        assertEquals(List.of(
                "a.yml:4 the comment says v4.2.2 but b.yml:4 pins v4.2.2 to " + B,
                "a.yml:5 the comment says v3.1 but b.yml:5 comments the same commit as v3.2",
                "b.yml:4 the comment says v4.2.2 but a.yml:4 pins v4.2.2 to " + A,
                "b.yml:5 the comment says v3.2 but a.yml:5 comments the same commit as v3.1"),
                conflicts(inventory));
    }
}
