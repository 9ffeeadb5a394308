// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import java.io.Console;

/** Whether provgate talks to a person at a terminal: colours and progress bars only then. */
final class Terminal {
    private Terminal() {
    }

    /** Colours only on a terminal, and never when NO_COLOR is set (no-color.org). */
    static boolean colourAllowed() {
        String noColor = System.getenv("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && interactive();
    }

    /** Standard input and output are a terminal (not a pipe, a file or CI's log). */
    static boolean interactive() {
        return onTerminal(System.console());
    }

    /** From Java 22 a console exists even when output is redirected; its isTerminal() then tells. */
    private static boolean onTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
