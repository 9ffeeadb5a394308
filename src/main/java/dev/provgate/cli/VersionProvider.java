// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set by the build). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = ProvgateCommand.class.getPackage().getImplementationVersion();
        return new String[] {"provgate " + (v == null ? "(development build)" : v)};
    }
}
