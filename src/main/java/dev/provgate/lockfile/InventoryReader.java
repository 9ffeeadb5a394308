// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile;

import dev.provgate.lockfile.actions.PinComments;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.ProvgateException;
import java.nio.file.Path;
import java.util.List;

/** Discover and parse: paths in, one {@link Inventory} out. Any unreadable lockfile is an input error. */
public final class InventoryReader {
    private final LockfileFinder finder;

    public InventoryReader(LockfileFinder finder) {
        this.finder = finder;
    }

    public InventoryReader() {
        this(new LockfileFinder());
    }

    public Inventory read(List<Path> roots) {
        List<LockfileFinder.Found> found = finder.find(roots);
        List<LockfileInventory> parsed = found.parallelStream()
                .map(f -> parse(f.parser(), f.read()))
                .toList();
        return PinComments.crossCheck(new Inventory(parsed));
    }

    /** Runs one parser; a parser that trips over odd content still reports the file rather than crashing. */
    public static LockfileInventory parse(LockfileParser parser, LockfileSource source) {
        try {
            return parser.parse(source);
        } catch (ProvgateException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new LockfileParseException(source.displayPath(), 0,
                    "unexpected content for " + parser.name() + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
