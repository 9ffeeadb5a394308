// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import dev.provgate.model.CheckResult;
import java.io.PrintWriter;

/** The report stage for one output format. Same result in, same bytes out: no timestamps, stable order. */
public interface Reporter {
    void write(CheckResult result, PrintWriter out);
}
