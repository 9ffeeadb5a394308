// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.store.InventoryStore;
import dev.provgate.store.StoreConnections;
import picocli.CommandLine.Option;

/** {@code --db}: the inventory store scan-org writes and query reads. */
public final class StoreOption {
    @Option(names = "--db", paramLabel = "LOCATION",
            description = "Inventory store: a SQLite file (or jdbc:sqlite:FILE), or jdbc:postgresql://HOST[:PORT]/DB "
                    + "with credentials from PGUSER/PGPASSWORD or ~/.pgpass, never the command line "
                    + "(default: $XDG_DATA_HOME/provgate/inventory.sqlite or ~/.local/share/provgate/inventory.sqlite).")
    String location;

    public String location() {
        return location != null ? location : StoreConnections.defaultLocation();
    }

    /** The store scan-org writes, created where needed. */
    public InventoryStore open() {
        return InventoryStore.open(location());
    }

    /** The store query reads: one that exists and holds a scan, else an input error saying how to fill it. */
    public InventoryStore openScanned() {
        return InventoryStore.openScanned(location());
    }
}
