// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.ProjectTree;
import dev.provgate.model.LockfileSource;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.Model;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelBuilder;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelSource;
import org.apache.maven.model.building.ModelSource2;
import org.apache.maven.model.building.StringModelSource;
import org.apache.maven.model.resolution.ModelResolver;

/**
 * Effective models, built by the Maven model builder the way Maven builds them: parents (by relativePath, then
 * from the repositories), properties, default-active profiles, dependencyManagement with imported BOMs. The root
 * POM comes from the source bytes; its modules, recursively, from the folders beside it.
 */
final class PomModels {
    private static final ModelBuilder BUILDER = new DefaultModelBuilderFactory().newInstance();
    /** The repositories of Maven's super POM (central): where a build without other repositories looks. */
    private static final List<Repository> SUPER_POM_REPOSITORIES = List.copyOf(new DefaultModelBuilderFactory() {
        List<Repository> repositories() {
            return newSuperPomProvider().getSuperModel("4.0.0").getRepositories();
        }
    }.repositories());

    /** One project of the build: its effective model, its pom.xml file (if on disk) and the path to show. */
    record Project(String displayPath, File pomFile, Model model) {
        String key() {
            return model.getGroupId() + ":" + model.getArtifactId() + ":" + model.getVersion();
        }
    }

    private final PomErrors errors;
    private final ModelResolver resolver;
    private final Map<String, File> reactor;

    /**
     * @param reactor filled with each project's {@code group:artifact:version} and pom.xml as it is built, so that
     *                later modules and the dependency collection find their siblings
     */
    PomModels(PomErrors errors, ModelResolver resolver, Map<String, File> reactor) {
        this.errors = errors;
        this.resolver = resolver;
        this.reactor = reactor;
    }

    /** The root project and all its modules, root first, modules in declaration order (depth first). */
    List<Project> build(LockfileSource source, File pomFile) {
        ProjectTree tree = pomFile == null ? null : ProjectTree.around(pomFile.toPath());
        ModelSource root = pomFile != null ? new BytesFileModelSource(pomFile, tree, source.bytes())
                : new StringModelSource(source.text(), source.displayPath());
        List<Project> projects = new ArrayList<>();
        addWithModules(new Project(source.displayPath(), pomFile, effective(root, pomFile)), tree, projects,
                new LinkedHashMap<>(), new HashSet<>());
        return projects;
    }

    /**
     * Depth first. Each POM is built once, however many modules lists name it (two per level would otherwise be
     * 2^depth builds); a module that leads back to a POM on the way down is a cycle, an input error.
     *
     * @param chain the POMs from the root down to this project (real path to display path)
     * @param built every POM built so far
     */
    private void addWithModules(Project project, ProjectTree tree, List<Project> out, Map<Path, String> chain,
                                Set<Path> built) {
        out.add(project);
        Path self = project.pomFile() == null ? null : real(project.pomFile().toPath());
        if (self != null) {
            chain.put(self, project.displayPath());
            built.add(self);
        }
        if (project.pomFile() != null) {
            reactor.put(project.key(), project.pomFile());
        }
        List<String> modules = project.model().getModules();
        for (int i = 0; i < modules.size(); i++) {
            String module = modules.get(i);
            int line = moduleLine(project.model(), i);
            if (project.pomFile() == null) {
                throw new LockfileParseException(project.displayPath(), line, "module '" + module
                        + "' cannot be read: the POM was not read from a folder");
            }
            Path dir = project.pomFile().toPath().getParent();
            Path pom = dir.resolve(module).normalize();
            if (!tree.contains(pom)) {
                throw new LockfileParseException(project.displayPath(), line, "module '" + module + "' is outside "
                        + tree.root() + " (the git work tree, or the root POM's folder outside one): not read");
            }
            if (Files.isDirectory(pom)) {
                pom = pom.resolve("pom.xml");
            }
            if (!Files.isRegularFile(pom)) {
                throw new LockfileParseException(project.displayPath(), line,
                        "module '" + module + "': no POM at " + display(project.displayPath(), module, pom));
            }
            String shown = display(project.displayPath(), module, pom);
            Path key = real(pom);
            if (chain.containsKey(key)) {
                throw new LockfileParseException(project.displayPath(), line, "module cycle: "
                        + String.join(" -> ", chain.values()) + " -> " + chain.get(key));
            }
            if (built.contains(key)) {
                continue;
            }
            errors.register(pom.toFile(), shown);
            Model model = effective(new TreeFileModelSource(pom.toFile(), tree), pom.toFile());
            addWithModules(new Project(shown, pom.toFile(), model), tree, out, chain, built);
        }
        if (self != null) {
            chain.remove(self);
        }
    }

    private static Path real(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private Model effective(ModelSource source, File pomFile) {
        DefaultModelBuildingRequest request = new DefaultModelBuildingRequest();
        request.setModelSource(source);
        request.setPomFile(pomFile);
        request.setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MAVEN_3_0);
        request.setProcessPlugins(false);
        request.setTwoPhaseBuilding(false);
        request.setLocationTracking(true);
        request.setSystemProperties(MavenSessions.systemProperties());
        request.setModelResolver(resolver.newCopy());
        try {
            return BUILDER.build(request).getEffectiveModel();
        } catch (ModelBuildingException e) {
            throw errors.modelProblem(e);
        } catch (RuntimeException | StackOverflowError e) {
            // The model builder has unchecked failures of its own: NumberFormatException on <modelVersion>x, and,
            // since its readers recurse, StackOverflowError on a module or parent POM nested very deeply.
            throw errors.builderFailure(pomFile, e);
        }
    }

    static List<Repository> superPomRepositories() {
        return SUPER_POM_REPOSITORIES;
    }

    private static int moduleLine(Model model, int index) {
        InputLocation modules = model.getLocation("modules");
        InputLocation at = modules == null ? null : modules.getLocation(index);
        return at == null ? 0 : Math.max(at.getLineNumber(), 0);
    }

    /** The module's pom.xml as shown: beside the parent's shown path, forward slashes. */
    private static String display(String parentDisplay, String module, Path pom) {
        int slash = parentDisplay.lastIndexOf('/');
        String base = slash < 0 ? "" : parentDisplay.substring(0, slash + 1);
        String rel = module.replace('\\', '/');
        String shown = Path.of(base + rel).normalize().toString().replace('\\', '/');
        return pom.getFileName().toString().equals("pom.xml") && !rel.endsWith(".xml") ? shown + "/pom.xml" : shown;
    }

    /**
     * A POM on disk whose relativePath parents are read only inside the project tree; one outside is looked up in
     * the repositories instead, as Maven does when relativePath names no matching POM.
     */
    private static class TreeFileModelSource extends FileModelSource {
        private final ProjectTree tree;

        TreeFileModelSource(File pomFile, ProjectTree tree) {
            super(pomFile);
            this.tree = tree;
        }

        @Override
        public ModelSource2 getRelatedSource(String relPath) {
            ModelSource2 related = super.getRelatedSource(relPath);
            if (!(related instanceof FileModelSource file) || !tree.contains(file.getPomFile().toPath())) {
                return null;
            }
            return new TreeFileModelSource(file.getPomFile(), tree);
        }
    }

    /** The root POM: its bytes as read (from a folder, a git ref, the index), its folder for relativePath parents. */
    private static final class BytesFileModelSource extends TreeFileModelSource {
        private final byte[] bytes;

        BytesFileModelSource(File pomFile, ProjectTree tree, byte[] bytes) {
            super(pomFile, tree);
            this.bytes = bytes.clone();
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
