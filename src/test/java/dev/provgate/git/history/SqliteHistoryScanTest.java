// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import java.nio.file.Path;

/** The history scan cases on the embedded SQLite store. */
class SqliteHistoryScanTest extends HistoryScanContract {
    @Override
    String newStoreLocation(Path tmp) {
        return tmp.resolve("inventory.sqlite").toString();
    }
}
