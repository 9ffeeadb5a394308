// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.ProvgateException;
import dev.provgate.policy.PolicyLoader;
import dev.provgate.policy.StarterPolicy;
import dev.provgate.provenance.store.AttestationStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes a commented starter trust-tiers.yaml for the project. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented starter trust-tiers.yaml in the folder (default: the current folder), "
                + "fitted to the ecosystems and registries of the lockfiles found there.",
        footer = {"", "Examples:",
                "  provgate init            # ./trust-tiers.yaml, then says what evidence it needs",
                "  provgate init --fetch    # ... and fills attestations/ from the registries (goes online)",
                "  provgate init app/ --force"})
final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The project folder (default: the current folder).")
    Path dir;

    @Option(names = "--force", description = "Overwrite an existing trust-tiers.yaml.")
    boolean force;

    @Option(names = "--fetch", description = "Then run 'provgate attestations fetch DIR', which fills the "
            + "attestation store with the publish times and provenance the starter policy asks for (online).")
    boolean fetch;

    @Mixin
    DebugOption debug;

    /** Used for reading pom.xml files here, and handed to the fetch that {@code --fetch} runs. */
    @Mixin
    NetworkOptions network;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path file = dir.resolve(PolicyLoader.DEFAULT_FILE);
        String shown = file.normalize().toString().replace('\\', '/');
        if (Files.exists(file) && !force) {
            throw new ProvgateException(shown, 0, "already exists; use --force to overwrite it");
        }
        Inventory inventory = network.maven().reader().read(List.of(dir));
        Set<Ecosystem> ecosystems = EnumSet.noneOf(Ecosystem.class);
        inventory.lockfiles().stream().map(LockfileInventory::ecosystem).forEach(ecosystems::add);
        Set<String> registries = new TreeSet<>();
        inventory.components().map(InitCommand::registryOrigin).flatMap(Optional::stream).forEach(registries::add);
        try {
            Files.writeString(file, StarterPolicy.render(ecosystems, registries), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProvgateException(shown, 0, "cannot write: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + shown + " (" + (ecosystems.isEmpty() ? "no lockfiles found"
                : "lockfiles found for " + ecosystems.stream().map(Ecosystem::osvName).sorted()
                        .collect(Collectors.joining(", "))) + "); check a package with: provgate explain NAME@VERSION");
        List<String> needs = StoreNeeds.of(PolicyLoader.load(file));
        if (needs.isEmpty() || inventory.isEmpty()) {
            out.flush();
            return ExitCodes.PASSED;
        }
        String target = dir.normalize().toString().isEmpty() || dir.normalize().toString().equals(".") ? ""
                : " " + StoreNeeds.shown(dir);
        out.println("its " + String.join(" and ", needs) + " rules need publish times and provenance from the "
                + "attestation store, " + StoreNeeds.shown(AttestationStore.forProject(List.of(dir)).root()) + ":");
        if (fetch) {
            out.println("fetching them now (" + StoreNeeds.FETCH + target + ")");
            out.flush();
            List<String> fetchArgs = new ArrayList<>(List.of("attestations", "fetch"));
            fetchArgs.addAll(network.arguments());
            fetchArgs.add(dir.toString());
            String[] args = fetchArgs.toArray(String[]::new);
            return ProvgateCommand.commandLineFor(out, spec.commandLine().getErr(), args).execute(args);
        }
        out.println("  " + StoreNeeds.FETCH + target + "   # online; or init --fetch; offline: copy a store "
                + "there, or check --attestations DIR");
        out.println("then: provgate check" + target);
        out.flush();
        return ExitCodes.PASSED;
    }

    /** {@code scheme://host/} of where a registry package resolved from, when the lockfile says. */
    private static Optional<String> registryOrigin(Component c) {
        if (!c.source().kind().isRegistry()) {
            return Optional.empty();
        }
        String url = c.source().registry().isEmpty() ? c.source().url() : c.source().registry();
        try {
            URI u = new URI(url);
            return u.getScheme() == null || u.getHost() == null ? Optional.empty()
                    : Optional.of(u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "")
                            + "/");
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
