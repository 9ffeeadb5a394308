// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import java.util.function.Supplier;

/** A supplier that computes its value once, on first use, and keeps it (safe across threads). */
final class Memo<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private T value;

    private Memo(Supplier<T> compute) {
        this.compute = compute;
    }

    static <T> Supplier<T> of(Supplier<T> compute) {
        return new Memo<>(compute);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = compute.get();
        }
        return value;
    }
}
