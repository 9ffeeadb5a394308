// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import dev.provgate.model.Ecosystem;
import java.io.PrintWriter;
import java.util.List;

/** The facts of one record as {@code provgate advisories show} prints them. */
public final class RecordDescription {
    private RecordDescription() {
    }

    public static void print(StoredRecord stored, AdvisoryDatabase db, PrintWriter out) {
        OsvRecord r = stored.record();
        out.println("id:        " + r.id() + (r.idMissing() ? " (the record has no id: named after its file)" : ""));
        out.println("aliases:   " + (r.aliases().isEmpty() ? "-" : String.join(", ", r.aliases())));
        out.println("kind:      " + (r.malicious() ? "malicious package" : "vulnerability"));
        out.println("published: " + orDash(r.published()));
        out.println("modified:  " + orDash(r.modified()));
        if (r.isWithdrawn()) {
            out.println("withdrawn: " + r.withdrawn() + " (never matched)");
        }
        out.println("source:    " + r.source());
        out.println("stored in: " + db.dir().map(d -> d.resolve(AdvisoryDatabase.PACK) + " at byte "
                + stored.packOffset() + " (" + stored.packLength() + " bytes)").orElse("the built-in snapshot"));
        out.println("affected:");
        for (OsvAffected a : r.affected()) {
            out.println("  " + orDash(a.ecosystem()) + " " + orDash(a.name()));
            if (!a.versions().isEmpty()) {
                out.println("    versions: " + String.join(", ", a.versions()));
            }
            for (OsvRange range : a.ranges()) {
                out.println("    range " + range + (range.isGit()
                        ? "  (ignored: GIT ranges name commits; registry versions are matched by versions and "
                        + "ECOSYSTEM/SEMVER ranges)" : ""));
            }
            List<String> outside = AffectedVersions.listedOutsideRanges(a, PackageKeys.ecosystemOf(a.ecosystem()));
            if (!outside.isEmpty()) {
                out.println("    note: listed but outside the ranges: " + String.join(", ", outside)
                        + " (either one makes a version affected)");
            }
            if (PackageKeys.ecosystemOf(a.ecosystem()) == Ecosystem.OTHER && !a.ecosystem().isEmpty()) {
                out.println("    note: ecosystem " + a.ecosystem() + " is not one provgate reads lockfiles for");
            }
        }
        if (!r.digests().isEmpty()) {
            out.println("known-bad files:");
            r.digests().forEach(d -> out.println("  sha256:" + d.sha256() + "  " + orDash(d.file()) + " ("
                    + d.name() + (d.version().isEmpty() ? "" : " " + d.version()) + ")"));
        }
        out.println();
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }
}
