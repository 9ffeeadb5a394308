// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.lockfile.InventoryReader;
import dev.provgate.model.Inventory;
import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.fetch.AttestationFetcher;
import dev.provgate.provenance.fetch.FetchOutcome;
import dev.provgate.provenance.fetch.FetchReport;
import dev.provgate.provenance.fetch.RegistryLocator;
import dev.provgate.provenance.fetch.UserConfig;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.provenance.store.StoreListing;
import dev.provgate.provenance.store.StoredVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The attestation store: fill it from the registries, or show what it holds. */
@Command(name = "attestations", mixinStandardHelpOptions = true,
        description = "Manage the attestation store (attestations/ in the project): Sigstore bundles, registry "
                + "signatures, PGP signatures and publish times that check verifies offline.",
        subcommands = {AttestationsCommand.Fetch.class, AttestationsCommand.ListStore.class})
final class AttestationsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: fetch or list");
    }

    /** {@code --attestations DIR}: where the store is. */
    static final class StoreOption {
        @Option(names = "--attestations", paramLabel = "DIR",
                description = "The store folder (default: attestations/ in the first PATH).")
        Path storeDir;

        AttestationStore store(List<Path> paths) {
            return storeDir != null ? new AttestationStore(storeDir) : AttestationStore.forProject(paths);
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Fetch attestations, signatures and publish times of every locked package into the store.",
            footer = {"", "Examples:",
                    "  provgate attestations fetch                       # lockfiles under the current folder",
                    "  provgate attestations fetch --npm-registry https://npm.mirror.example/ app/",
                    "  provgate attestations fetch --offline             # from the HTTP cache only",
                    "",
                    "A 404 is recorded as 'not published'. Exit codes: 0 when anything was fetched (failures are "
                            + "listed and stay unverified in check), 2 when packages needed fetching and none "
                            + "could be, or on bad input; 3 internal error."})
    static final class Fetch implements Callable<Integer> {
        @Mixin
        InputOptions input;

        @Mixin
        NetworkOptions network;

        @Mixin
        DebugOption debug;

        @Mixin
        StoreOption storeOption;

        @Option(names = "--jobs", paramLabel = "N", defaultValue = "8",
                description = "Packages fetched at the same time (default: ${DEFAULT-VALUE}).")
        int jobs;

        @Spec
        CommandSpec spec;

        private InventoryReader reader;
        private UserConfig user = UserConfig.system();

        /** Test seam: the discover/parse stage and the user's home and environment. */
        Fetch use(InventoryReader testReader, UserConfig testUser) {
            this.reader = testReader;
            this.user = testUser;
            return this;
        }

        @Override
        public Integer call() {
            Inventory inventory = (reader != null ? reader : network.maven().reader()).read(input.paths());
            if (inventory.isEmpty()) {
                throw new ProvgateException("no lockfiles found under " + input.paths().stream()
                        .map(Path::toString).collect(Collectors.joining(", ")));
            }
            AttestationStore store = storeOption.store(input.paths());
            AttestationFetcher fetcher = new AttestationFetcher(network.network(user), store,
                    new RegistryLocator(network.registries(), user), jobs);
            PrintWriter err = spec.commandLine().getErr();
            FetchProgress progress = new FetchProgress(err);
            List<FetchOutcome> outcomes = fetcher.fetch(inventory.components().toList(), progress);
            progress.finish();
            PrintWriter out = spec.commandLine().getOut();
            FetchReport report = new FetchReport(outcomes);
            report.write(out, store.root());
            out.flush();
            if (report.nothingFetched()) {
                err.println("provgate: nothing could be fetched" + (network.offline()
                        ? " (--offline: only the HTTP cache was read)" : ""));
                err.flush();
                return ExitCodes.INPUT_ERROR;
            }
            return ExitCodes.PASSED;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List what the store holds: one line per package version with its files.")
    static final class ListStore implements Callable<Integer> {
        @Mixin
        InputOptions input;

        @Mixin
        DebugOption debug;

        @Mixin
        StoreOption storeOption;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AttestationStore store = storeOption.store(input.paths());
            List<StoredVersion> versions = StoreListing.versions(store);
            PrintWriter out = spec.commandLine().getOut();
            for (StoredVersion v : versions) {
                out.println(v.ecosystem().purlType() + "  " + v.name() + "@" + v.version() + "  "
                        + String.join(", ", v.files()));
            }
            out.println(versions.size() + (versions.size() == 1 ? " version" : " versions") + " in "
                    + store.root());
            out.flush();
            return ExitCodes.PASSED;
        }
    }

    /** The fetcher's progress as a bar, on a terminal only; the fetcher names the total with the first count. */
    private static final class FetchProgress implements AttestationFetcher.Progress {
        private final PrintWriter err;
        private ProgressBar bar = ProgressBar.silent();
        private boolean started;

        FetchProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void done(int finished, int total) {
            if (!started) {
                started = true;
                bar = ProgressBar.create(err, "fetching attestations", total);
            }
            bar.update(finished);
        }

        synchronized void finish() {
            bar.finish();
        }
    }
}
