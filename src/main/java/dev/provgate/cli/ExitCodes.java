// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

/** The exit codes CI relies on; nothing else calls System.exit. */
public final class ExitCodes {
    public static final int PASSED = 0;
    public static final int BLOCKED = 1;
    public static final int INPUT_ERROR = 2;
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
