// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import dev.provgate.model.Dependency;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/** Builds the CycloneDX object model for an inventory, every list in a stable order. No serial number yet. */
final class BomAssembler {
    /** The bom-ref of the scanned project; purls start with {@code pkg:}, so it cannot collide with one. */
    static final String ROOT_REF_PREFIX = "project:";

    private BomAssembler() {
    }

    static Bom assemble(Inventory inventory, SbomOptions options) {
        List<MergedComponent> merged = ComponentMerger.merge(inventory);
        Bom bom = new Bom();
        bom.setVersion(1);
        bom.setMetadata(metadata(inventory, options));
        bom.setComponents(merged.stream().map(CdxComponents::of).toList());
        bom.setDependencies(dependencies(inventory, merged, bom.getMetadata().getComponent().getBomRef()));
        return bom;
    }

    private static Metadata metadata(Inventory inventory, SbomOptions options) {
        Metadata metadata = new Metadata();
        metadata.setTimestamp(options.timestamp() == null ? null : Date.from(options.timestamp()));
        if (options.specVersion() == SpecVersion.V1_4) {
            metadata.setTools(List.of(legacyTool(options.toolVersion())));
        } else {
            ToolInformation tools = new ToolInformation();
            tools.setComponents(List.of(toolComponent(options.toolVersion())));
            metadata.setToolChoice(tools);
        }
        Component project = new Component();
        project.setType(Component.Type.APPLICATION);
        project.setName(options.projectName());
        project.setBomRef(ROOT_REF_PREFIX + options.projectName());
        metadata.setComponent(project);
        List<Property> lockfiles = new ArrayList<>();
        for (LockfileInventory lf : inventory.lockfiles()) {
            lockfiles.add(new Property(SbomProperties.LOCKFILE, lf.path() + " (" + lf.format() + ")"));
        }
        lockfiles.sort(CdxComponents.PROPERTY_ORDER);
        metadata.setProperties(lockfiles);
        return metadata;
    }

    /** CycloneDX 1.4 knows only the tool list that 1.5 deprecated. */
    @SuppressWarnings("deprecation")
    private static org.cyclonedx.model.Tool legacyTool(String version) {
        org.cyclonedx.model.Tool tool = new org.cyclonedx.model.Tool();
        tool.setVendor("provgate");
        tool.setName("provgate");
        tool.setVersion(version);
        return tool;
    }

    private static Component toolComponent(String version) {
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("provgate");
        tool.setVersion(version);
        return tool;
    }

    /**
     * One entry per component (an empty one when it depends on nothing), plus the project depending on the direct
     * components. Edges from every lockfile are merged; edges to purls outside the SBOM and self-edges are dropped.
     */
    private static List<org.cyclonedx.model.Dependency> dependencies(Inventory inventory,
                                                                      List<MergedComponent> merged, String rootRef) {
        Map<String, Set<String>> graph = new TreeMap<>();
        merged.forEach(m -> graph.put(m.purl(), new TreeSet<>()));
        for (LockfileInventory lf : inventory.lockfiles()) {
            for (Dependency d : lf.dependencies()) {
                if (!d.from().equals(d.to()) && graph.containsKey(d.from()) && graph.containsKey(d.to())) {
                    graph.get(d.from()).add(d.to());
                }
            }
        }
        Set<String> direct = new TreeSet<>();
        merged.stream().filter(MergedComponent::direct).forEach(m -> direct.add(m.purl()));
        graph.put(rootRef, direct);
        List<org.cyclonedx.model.Dependency> out = new ArrayList<>(graph.size());
        graph.forEach((ref, targets) -> {
            org.cyclonedx.model.Dependency dep = new org.cyclonedx.model.Dependency(ref);
            // The targets are a set already: addDependency would search the list for each one (quadratic).
            if (!targets.isEmpty()) {
                dep.setDependencies(targets.stream().map(org.cyclonedx.model.Dependency::new).toList());
            }
            out.add(dep);
        });
        out.sort(Comparator.comparing(org.cyclonedx.model.Dependency::getRef));
        return out;
    }
}
