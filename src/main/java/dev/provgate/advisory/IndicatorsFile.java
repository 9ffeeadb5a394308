// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code indicators.json} file: SHA-256 digests of known-bad files, each naming its package version and the
 * advisory ids that cover it ({@code indicators[]} for distribution files, {@code installed_files[]} for files an
 * installation writes), and git commits of known-bad GitHub Actions ({@code action_commits[]}).
 */
public final class IndicatorsFile {
    public static final String FILE_NAME = "indicators.json";

    /** One digest and the advisories it belongs to. */
    public record Indicator(FileDigest digest, List<String> advisories) {
        public Indicator {
            advisories = List.copyOf(advisories);
        }
    }

    /** A known-bad commit of an action and the advisories it belongs to. */
    public record ActionCommit(String ecosystem, String name, String commit, List<String> advisories) {
        public ActionCommit {
            advisories = List.copyOf(advisories);
        }
    }

    private IndicatorsFile() {
    }

    /** The {@code action_commits[]}: each a full commit SHA. */
    public static List<ActionCommit> parseCommits(String path, byte[] bytes) {
        JsonNode tree = RecordTrees.read(path, bytes);
        List<ActionCommit> out = new ArrayList<>();
        for (JsonNode c : tree.path("action_commits")) {
            String commit = OsvParser.text(c, "commit", "").toLowerCase(java.util.Locale.ROOT);
            if (!commit.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
                throw new AdvisoryFormatException(path, 0, "action_commits: not a full commit SHA: " + commit);
            }
            List<String> ids = new ArrayList<>();
            c.path("advisories").forEach(a -> ids.add(a.asText()));
            out.add(new ActionCommit(OsvParser.text(c, "ecosystem", ""), OsvParser.text(c, "name", ""), commit,
                    ids));
        }
        return out;
    }

    /**
     * Adds each known-bad commit to the records it names, as an affected entry of its own whose {@code versions}
     * list the commit: a workflow pinned to that SHA then matches by version like any listed version.
     */
    public static List<OsvRecord> attachCommits(List<OsvRecord> records, List<ActionCommit> commits) {
        List<OsvRecord> out = new ArrayList<>();
        for (OsvRecord r : records) {
            List<OsvAffected> affected = new ArrayList<>(r.affected());
            commits.stream().filter(c -> c.advisories().stream().anyMatch(r::isKnownAs))
                    .map(c -> new OsvAffected(c.ecosystem(), c.name(), List.of(c.commit()), List.of()))
                    .filter(a -> !affected.contains(a)).forEach(affected::add);
            out.add(affected.size() == r.affected().size() ? r : new OsvRecord(r.id(), r.idMissing(), r.aliases(),
                    r.published(), r.modified(), r.withdrawn(), r.malicious(), affected, r.digests(), r.source()));
        }
        return out;
    }

    public static boolean isIndicatorsFile(String path) {
        return path.equals(FILE_NAME) || path.endsWith("/" + FILE_NAME);
    }

    public static List<Indicator> parse(String path, byte[] bytes) {
        JsonNode tree = RecordTrees.read(path, bytes);
        List<Indicator> out = new ArrayList<>();
        for (String list : List.of("indicators", "installed_files")) {
            for (JsonNode i : tree.path(list)) {
                String sha256 = OsvParser.text(i, "sha256", "");
                if (!FileDigest.isSha256(sha256)) {
                    throw new AdvisoryFormatException(path, 0, list + ": not a SHA-256 digest: " + sha256);
                }
                List<String> ids = new ArrayList<>();
                i.path("advisories").forEach(a -> ids.add(a.asText()));
                String file = OsvParser.text(i, "file", OsvParser.text(i, "path", ""));
                out.add(new Indicator(new FileDigest(OsvParser.text(i, "ecosystem", ""), OsvParser.text(i, "name", ""),
                        OsvParser.text(i, "version", ""), file, sha256), ids));
            }
        }
        return out;
    }

    /**
     * Attaches each digest to the records it names. An installed file names no advisory: it goes to the records of
     * the distribution files of the same package version.
     */
    public static List<OsvRecord> attach(List<OsvRecord> records, List<Indicator> indicators) {
        List<OsvRecord> out = new ArrayList<>();
        for (OsvRecord r : records) {
            List<FileDigest> mine = indicators.stream().filter(i -> advisoriesOf(i, indicators).stream()
                    .anyMatch(r::isKnownAs)).map(Indicator::digest).toList();
            out.add(mine.isEmpty() ? r : r.withDigests(mine));
        }
        return out;
    }

    private static List<String> advisoriesOf(Indicator indicator, List<Indicator> all) {
        if (!indicator.advisories().isEmpty()) {
            return indicator.advisories();
        }
        FileDigest d = indicator.digest();
        return all.stream().filter(o -> o.digest().ecosystem().equals(d.ecosystem())
                        && o.digest().name().equals(d.name()) && o.digest().version().equals(d.version()))
                .flatMap(o -> o.advisories().stream()).distinct().toList();
    }
}
