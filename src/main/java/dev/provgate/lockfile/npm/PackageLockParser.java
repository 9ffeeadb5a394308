// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.support.JsonInput;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * {@code package-lock.json} and {@code npm-shrinkwrap.json}, lockfileVersion 1 (nested {@code dependencies}), 2 and 3
 * ({@code packages}; the legacy section of v2 is skipped). Components are the installed packages (paths under
 * node_modules), one per install path; the root project and workspace folders are not components, and
 * {@code link: true} entries lead to them. See the package documentation.
 */
public final class PackageLockParser implements LockfileParser {
    public static final String PACKAGE_LOCK = "package-lock.json";
    public static final String SHRINKWRAP = "npm-shrinkwrap.json";

    private final String fileName;
    private final String name;

    private PackageLockParser(String fileName, String name) {
        this.fileName = fileName;
        this.name = name;
    }

    public static PackageLockParser packageLock() {
        return new PackageLockParser(PACKAGE_LOCK, "npm/package-lock");
    }

    public static PackageLockParser shrinkwrap() {
        return new PackageLockParser(SHRINKWRAP, "npm/shrinkwrap");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Ecosystem ecosystem() {
        return Ecosystem.NPM;
    }

    @Override
    public boolean accepts(String relativePath) {
        return NpmPaths.isProjectLockfile(relativePath, fileName);
    }

    /** npm reads the shrinkwrap and ignores package-lock.json when both are present. */
    @Override
    public Set<String> supersededBy() {
        return fileName.equals(PACKAGE_LOCK) ? Set.of(SHRINKWRAP) : Set.of();
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        Document doc = new Document(source);
        JsonParser p = JsonInput.openObject(source);
        try (p) {
            JsonInput.forEachField(source, p, doc::visit);
            JsonInput.requireEnd(source, p);
        } catch (IOException e) {
            throw JsonInput.error(source, e);
        } catch (LockfileParseException e) {
            throw withParserLine(e, p);
        }
        return doc.inventory(name);
    }

    /** Limit violations (nesting, number length) carry no location of their own; the parser knows where it is. */
    private static LockfileParseException withParserLine(LockfileParseException e, JsonParser p) {
        if (e.line() > 0 || p.currentLocation() == null) {
            return e;
        }
        return new LockfileParseException(e.file(), p.currentLocation().getLineNr(), e.getMessage(), e);
    }

    /** The top-level fields this parser needs, read in one pass. */
    private static final class Document {
        private final LockfileSource source;
        private int version;
        private List<PackagesSection.Entry> packages;
        private List<NestedDependencies.Entry> dependencies;

        Document(LockfileSource source) {
            this.source = source;
        }

        void visit(String field, int line, JsonParser p) throws IOException {
            switch (field) {
                case "lockfileVersion" -> version = readVersion(line, p);
                case "packages" -> packages = PackagesSection.read(source, p);
                case "dependencies" -> {
                    if (version >= 2) {
                        p.skipChildren();
                    } else {
                        dependencies = NestedDependencies.read(source, p);
                    }
                }
                default -> p.skipChildren();
            }
        }

        private int readVersion(int line, JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw new LockfileParseException(source, line, "lockfileVersion must be 1, 2 or 3, found "
                        + p.getText());
            }
            int v = p.getIntValue();
            if (v < 1 || v > 3) {
                throw new LockfileParseException(source, line, "unsupported lockfileVersion " + v
                        + " (this version reads 1, 2 and 3)");
            }
            return v;
        }

        LockfileInventory inventory(String format) {
            if (version == 0) {
                throw new LockfileParseException(source, 1,
                        "no lockfileVersion: not an npm lockfile (package-lock.json or npm-shrinkwrap.json)");
            }
            if (version >= 2 && packages != null) {
                return PackagesSection.inventory(source, format, packages);
            }
            if (version == 1) {
                return NestedDependencies.inventory(source, format, dependencies == null ? List.of() : dependencies);
            }
            throw new LockfileParseException(source, 1, "lockfileVersion " + version + " without a 'packages' object");
        }
    }
}
