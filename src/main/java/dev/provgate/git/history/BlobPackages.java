// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.lockfile.InventoryReader;
import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.python.IncludeReader;
import dev.provgate.lockfile.python.RequirementsParser;
import dev.provgate.model.Component;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.ProvgateException;
import dev.provgate.store.InventoryStore;
import dev.provgate.store.ParsedBlob;
import dev.provgate.store.StoredPackage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * The packages of a lockfile blob, parsed once per object id and format ever: from this scan's memory, else from
 * the store, else parsed now (and then kept to be written with the repository's scan).
 */
final class BlobPackages {
    /**
     * A blob is parsed on its own, without the tree around it: a requirements file's {@code -r} include reads as
     * empty here, since the included file is a lockfile of the tree in its own right and is scanned as one.
     */
    private static final RequirementsParser REQUIREMENTS = new RequirementsParser((including, line, reference) ->
            Optional.of(new LockfileSource(IncludeReader.displayPath(including, reference), new byte[0], "git")));

    private final InventoryStore store;
    private final ObjectReader reader;
    private final Map<String, ParsedBlob> known = new HashMap<>();
    private final List<ParsedBlob> parsed = new ArrayList<>();

    BlobPackages(InventoryStore store, ObjectReader reader) {
        this.store = store;
        this.reader = reader;
    }

    ParsedBlob get(ObjectId oid, String path, LockfileParser parser) throws IOException {
        String key = oid.name() + ' ' + parser.name();
        ParsedBlob blob = known.get(key);
        if (blob == null) {
            blob = store.blob(oid.name(), parser.name()).orElse(null);
            if (blob == null) {
                blob = parse(oid, path, parser);
                parsed.add(blob);
            }
            known.put(key, blob);
        }
        return blob;
    }

    /** The blobs this scan parsed, to be stored. */
    List<ParsedBlob> parsed() {
        return List.copyOf(parsed);
    }

    private ParsedBlob parse(ObjectId oid, String path, LockfileParser parser) throws IOException {
        ObjectLoader loader = reader.open(oid);
        if (loader.getSize() > LockfileFinder.MAX_FILE_BYTES) {
            return new ParsedBlob(oid.name(), parser.name(), "file is " + loader.getSize() + " bytes, over the limit"
                    + " of " + LockfileFinder.MAX_FILE_BYTES, List.of());
        }
        LockfileSource source = new LockfileSource(path, loader.getBytes(), "git:" + oid.name());
        try {
            LockfileParser p = parser instanceof RequirementsParser ? REQUIREMENTS : parser;
            List<StoredPackage> packages = InventoryReader.parse(p, source).components().stream()
                    .filter(c -> !c.version().isEmpty())
                    .map(BlobPackages::stored)
                    .toList();
            return new ParsedBlob(oid.name(), parser.name(), null, packages);
        } catch (ProvgateException e) {
            return new ParsedBlob(oid.name(), parser.name(), e.userMessage(), List.of());
        }
    }

    private static StoredPackage stored(Component c) {
        String hashes = c.hashes().stream().map(h -> h.algorithm().name().toLowerCase(java.util.Locale.ROOT) + ":"
                + h.hex()).sorted().distinct().collect(Collectors.joining(" "));
        return new StoredPackage(c.purl(), StoredPackage.packageOf(c.purl()), c.version(), c.location().line(),
                c.direct(), hashes);
    }
}
