// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.lockfile.InventoryReader;
import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.model.Inventory;
import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.evidence.ExpectedSigners;
import dev.provgate.provenance.evidence.ProvenanceEnricher;
import dev.provgate.sbom.CycloneDxWriter;
import dev.provgate.sbom.SbomFormat;
import dev.provgate.sbom.SbomOptions;
import dev.provgate.sbom.SbomProvenance;
import dev.provgate.sbom.SpecVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Writes one CycloneDX SBOM for every lockfile found. */
@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = "Write one CycloneDX SBOM for every lockfile (and SBOM) found: components with purls, "
                + "hashes, scopes, source URLs, the dependency graph, and the lockfiles read.",
        footer = {"", "Examples:",
                "  provgate sbom                              # CycloneDX 1.6 JSON on stdout",
                "  provgate sbom app/ -o bom.cdx.json",
                "  provgate sbom --format xml --spec-version 1.4 -o bom.xml",
                "  provgate sbom package-lock.json --timestamp",
                "  provgate sbom --provenance                 # with what the attestation store proves",
                "",
                "The same lockfiles give the same bytes: no timestamp unless --timestamp, and a serial number "
                        + "derived from the content. Nothing is written when any input is broken."})
final class SbomCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Mixin
    DebugOption debug;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|xml", converter = FormatConverter.class,
            description = "json or xml (default: ${DEFAULT-VALUE}).")
    SbomFormat format;

    @Option(names = "--spec-version", defaultValue = "1.6", paramLabel = "1.6|1.5|1.4",
            converter = SpecVersionConverter.class, description = "CycloneDX version (default: ${DEFAULT-VALUE}).")
    SpecVersion specVersion;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (replaced whole, never left half-written) instead of stdout. "
                    + "FILE itself is never read as input.")
    Path output;

    @Option(names = "--timestamp", description = "Record the current time in metadata.timestamp.")
    boolean timestamp;

    @Mixin
    MavenOptions maven;

    @Option(names = "--provenance",
            description = "Verify the attestation store (offline, as check does) and record each component's "
                    + "provenance as provgate:provenance:* properties.")
    boolean provenance;

    @Mixin
    AttestationsCommand.StoreOption attestations;

    @Mixin
    TrustOptions trust;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> paths = input.paths();
        Inventory inventory = read(paths);
        if (inventory.isEmpty()) {
            throw new ProvgateException(String.join(", ", paths.stream().map(Path::toString).toList()), 0,
                    "no lockfiles or SBOMs found");
        }
        if (provenance) {
            inventory = SbomProvenance.annotate(inventory, provenanceEnricher(paths));
        }
        SbomOptions options = new SbomOptions(specVersion, format, projectName(paths.get(0)), toolVersion(),
                timestamp ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : null);
        byte[] sbom = new CycloneDxWriter().write(inventory, options);
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(new String(sbom, StandardCharsets.UTF_8));
            out.flush();
        } else {
            writeWhole(output, sbom);
        }
        return ExitCodes.PASSED;
    }

    /** The same verification as check's, without a policy's expected signers and never writing pins. */
    private ProvenanceEnricher provenanceEnricher(List<Path> paths) {
        ProvenanceEnricher.Settings settings = new ProvenanceEnricher.Settings(trust::root, trust::npmKeys,
                trust.keyrings(), maven.settings().localRepository(), ExpectedSigners.none(), false);
        return new ProvenanceEnricher(attestations.store(paths), settings, Clock.systemUTC());
    }

    /** Every lockfile under the paths except the output file, which an earlier run may have written there. */
    private Inventory read(List<Path> paths) {
        Path target = output == null ? null : output.toAbsolutePath().normalize();
        List<LockfileFinder.Found> found = maven.finder().find(paths).stream()
                .filter(f -> !f.file().toAbsolutePath().normalize().equals(target))
                .toList();
        return new Inventory(found.parallelStream().map(f -> InventoryReader.parse(f.parser(), f.read())).toList());
    }

    /** The folder name of the first path (its parent's, for a file). */
    static String projectName(Path first) {
        Path abs = first.toAbsolutePath().normalize();
        Path folder = Files.isRegularFile(abs) ? abs.getParent() : abs;
        return folder == null || folder.getFileName() == null ? "project" : folder.getFileName().toString();
    }

    private static String toolVersion() {
        String v = SbomCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * A temporary file in the same folder, moved over the target once complete. Created like any new file (not
     * with createTempFile's owner-only permissions), so the SBOM gets the usual permissions.
     */
    private static void writeWhole(Path target, byte[] content) {
        Path abs = target.toAbsolutePath().normalize();
        Path tmp = abs.resolveSibling(".provgate-sbom-" + ProcessHandle.current().pid() + "-" + abs.getFileName()
                + ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ProvgateException(target.toString(), 0, "cannot write: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<SbomFormat> {
        @Override
        public SbomFormat convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "json" -> SbomFormat.JSON;
                case "xml" -> SbomFormat.XML;
                default -> throw new CommandLine.TypeConversionException("expected json or xml, got '" + value + "'");
            };
        }
    }

    static final class SpecVersionConverter implements CommandLine.ITypeConverter<SpecVersion> {
        @Override
        public SpecVersion convert(String value) {
            return SpecVersion.fromLabel(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "expected one of " + SpecVersion.labels() + ", got '" + value + "'"));
        }
    }
}
