// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

/**
 * A fresh, empty inventory store for one test run.
 *
 * @param backend {@code sqlite} or {@code postgresql}
 * @param location what {@code --db} and {@code StoreConnections.open} take: a file path, or a PostgreSQL URL whose
 *     {@code currentSchema} is a schema of this run's own
 */
public record StoreLocation(String backend, String location) {
    @Override
    public String toString() {
        return backend;
    }
}
