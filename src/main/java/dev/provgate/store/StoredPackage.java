// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

/**
 * One package entry of a parsed lockfile blob.
 *
 * @param pkg    the purl without version and qualifiers: what {@code query} looks packages up by
 * @param hashes the entry's digests as {@code ALG:HEX}, space-separated, sorted
 */
public record StoredPackage(String purl, String pkg, String version, int line, boolean direct, String hashes) {
    /** A purl without its version, qualifiers and subpath: the package every version of it shares. */
    public static String packageOf(String purl) {
        try {
            PackageURL p = new PackageURL(purl);
            return new PackageURL(p.getType(), p.getNamespace(), p.getName(), null, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("not a purl: " + purl, e);
        }
    }
}
