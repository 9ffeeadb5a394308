// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.LockfileSource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelProblem;
import org.apache.maven.model.resolution.UnresolvableModelException;
import org.eclipse.aether.RequestTrace;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.CollectStepData;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;

/** Turns model-builder problems and resolver failures into one line naming the POM, its line and what failed. */
final class PomErrors {
    private static final Pattern CYCLE = Pattern.compile("recursive expression cycle in '([^']+)': \\[(.*)]");

    private final LockfileSource root;
    private final MavenResolutionSettings settings;
    private final Map<String, String> displayByFile = new HashMap<>();

    PomErrors(LockfileSource root, File rootFile, MavenResolutionSettings settings) {
        this.root = root;
        this.settings = settings;
        if (rootFile != null) {
            register(rootFile, root.displayPath());
        }
    }

    void register(File pom, String display) {
        displayByFile.put(pom.getAbsolutePath(), display);
    }

    /** The first error the model builder reports, in the POM where it sits (or the root, for a repository POM). */
    LockfileParseException modelProblem(ModelBuildingException e) {
        ModelProblem p = e.getProblems().stream()
                .filter(x -> x.getSeverity() != ModelProblem.Severity.WARNING)
                .findFirst().orElse(e.getProblems().get(0));
        File source = new File(p.getSource());
        String file = displayByFile.get(source.getAbsolutePath());
        int line = Math.max(p.getLineNumber(), 0);
        String where = "";
        if (file == null) {
            file = root.displayPath();
            line = 0;
            where = " (in " + p.getModelId() + ")";
        }
        Matcher cycle = CYCLE.matcher(p.getMessage());
        if (cycle.find()) {
            String text = file.equals(root.displayPath()) ? root.text() : read(source);
            String chain = "${" + String.join("} -> ${", cycle.group(2).split(",\\s*")) + "} -> ${" + cycle.group(1) + "}";
            return new LockfileParseException(file, line > 0 ? line : declarationLine(text, cycle.group(1)),
                    "property cycle: " + chain, e);
        }
        return new LockfileParseException(file, line, describe(p) + where, e);
    }

    /**
     * An unchecked failure inside the model builder, in the POM being built; for a number that does not parse, at
     * the line of {@code <modelVersion>}, the only number the builder reads.
     */
    LockfileParseException builderFailure(File pom, Throwable e) {
        String file = pom == null ? null : displayByFile.get(pom.getAbsolutePath());
        file = file == null ? root.displayPath() : file;
        String text = file.equals(root.displayPath()) ? root.text() : read(pom);
        int line = e instanceof NumberFormatException ? lineOf(text, "<modelVersion>") : 0;
        if (e instanceof StackOverflowError) {
            return new LockfileParseException(file, 0, "XML nested too deeply for Maven's model reader", e);
        }
        String what = e instanceof NumberFormatException ? "modelVersion is not a version number"
                : "cannot build the POM model";
        return new LockfileParseException(file, line, what + ": " + firstLine(e.getMessage()), e);
    }

    private static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The line of {@code <name>} inside {@code <properties>}, where a property is declared. */
    private static int declarationLine(String text, String name) {
        String[] lines = text.split("\n", -1);
        boolean inProperties = false;
        for (int i = 0; i < lines.length; i++) {
            inProperties |= lines[i].contains("<properties>");
            if (inProperties && lines[i].contains("<" + name + ">")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String read(File file) {
        try {
            return Files.readString(file.toPath());
        } catch (IOException e) {
            return "";
        }
    }

    private String describe(ModelProblem p) {
        if (p.getException() instanceof UnresolvableModelException u) {
            String what = p.getMessage().startsWith("Non-resolvable parent") ? "parent"
                    : p.getMessage().startsWith("Non-resolvable import") ? "imported BOM" : "POM";
            if (u.getCause() instanceof IllegalArgumentException unsafe) {
                return what + " " + u.getGroupId() + ":" + u.getArtifactId() + " refused: " + unsafe.getMessage();
            }
            return "cannot resolve " + what + " " + u.getGroupId() + ":" + u.getArtifactId() + ":" + u.getVersion()
                    + " (" + whyMissing(u) + ")";
        }
        return firstLine(p.getMessage());
    }

    /**
     * The first artifact the dependency collection could not get, the chain of dependencies that needed it, and
     * the line of the direct dependency at the head of that chain.
     */
    LockfileParseException collection(String file, DependencyCollectionException e, LineOfDirect lines) {
        Exception first = e.getResult().getExceptions().isEmpty() ? e : e.getResult().getExceptions().get(0);
        if (!(first instanceof ArtifactDescriptorException ade)) {
            return new LockfileParseException(file, 0, "cannot collect dependencies: " + firstLine(first.getMessage()),
                    e);
        }
        Artifact missing = ade.getResult().getRequest().getArtifact();
        List<Artifact> path = neededBy(ade.getResult().getRequest().getTrace());
        int line = path.size() > 1 ? lines.line(path.get(1)) : lines.line(missing);
        String chain = path.isEmpty() ? "" : " needed by " + path.stream().map(PomErrors::gav)
                .collect(Collectors.joining(" -> "));
        String why = hasCause(ade, ArtifactNotFoundException.class) || isResolutionFailure(ade)
                ? "cannot resolve " + gav(missing) + chain + " (" + whyMissing(ade) + ")"
                : "cannot read the POM of " + gav(missing) + chain + ": " + firstLine(rootCause(ade).getMessage());
        return new LockfileParseException(file, line, why, e);
    }

    private static boolean isResolutionFailure(Exception e) {
        return hasCause(e, org.eclipse.aether.resolution.ArtifactResolutionException.class);
    }

    private String whyMissing(Exception e) {
        String local = "not in local repository " + settings.localRepository();
        if (settings.offline()) {
            return "offline; " + local;
        }
        return local + ", and the remote repositories said: " + firstLine(rootCause(e).getMessage());
    }

    /** The artifacts from the project down to the one that needed the failing one, from the collector's trace. */
    private static List<Artifact> neededBy(RequestTrace trace) {
        for (RequestTrace t = trace; t != null; t = t.getParent()) {
            if (t.getData() instanceof CollectStepData step) {
                List<Artifact> path = new java.util.ArrayList<>();
                for (DependencyNode n : step.getPath()) {
                    if (n.getArtifact() != null) {
                        path.add(n.getArtifact());
                    }
                }
                return path;
            }
        }
        return List.of();
    }

    static String gav(Artifact a) {
        return a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** The line of the direct dependency an artifact is, or comes through. */
    @FunctionalInterface
    interface LineOfDirect {
        int line(Artifact direct);
    }
}
