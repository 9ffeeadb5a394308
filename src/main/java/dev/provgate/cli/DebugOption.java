// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: stack traces for errors. Read by {@link ErrorHandler} from the parse result. */
public final class DebugOption {
    @Option(names = "--debug", description = "Print stack traces for errors.")
    boolean debug;
}
