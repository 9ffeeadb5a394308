// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;

/** The origins Python lockfiles record, mapped to {@link Source} the same way for every format. */
final class PythonSources {
    private PythonSources() {
    }

    /** From a package index: the index base URL when the file names it, empty for the default index. */
    static Source registry(String index) {
        return new Source(SourceKind.REGISTRY, "", index);
    }

    static Source git(String url) {
        return Source.of(SourceKind.GIT, url);
    }

    /** A local folder: the project itself or a workspace member when installed editable, else a plain path. */
    static Source directory(String path, boolean editable) {
        return Source.of(editable ? SourceKind.WORKSPACE : SourceKind.PATH, path);
    }

    /** An archive by URL, or by path when the URL is a {@code file:} URL. */
    static Source archive(String url) {
        return Source.of(url.startsWith("file:") ? SourceKind.PATH : SourceKind.URL, url);
    }
}
