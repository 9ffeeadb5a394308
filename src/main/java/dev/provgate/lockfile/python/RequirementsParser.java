// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.TextInput;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requirements.txt family, with its {@code -r} and {@code -c} includes. A requirements file is flat: every
 * requirement is direct and runtime, and there are no edges. Included files are read through an
 * {@link IncludeReader}; constraint files ({@code -c}) are read and checked but add no components, since pip
 * installs nothing from them. See docs/formats-python.md.
 */
public final class RequirementsParser implements PythonLockfileParser {
    private static final Pattern OPTION = Pattern.compile("(--?[A-Za-z][A-Za-z-]*)(?:[=\\s]\\s*(.*))?");
    private static final Pattern HASH = Pattern.compile("--hash(?:=|\\s+)(\\S*)");
    private static final Pattern PER_REQUIREMENT_OPTIONS = Pattern.compile("\\s--[A-Za-z]");
    /** Far beyond any real project; a deeper chain is a symlink loop that grows the path at every step. */
    private static final int MAX_INCLUDE_DEPTH = 64;

    private final IncludeReader includes;

    public RequirementsParser(IncludeReader includes) {
        this.includes = includes;
    }

    public RequirementsParser() {
        this(IncludeReader.fileSystem());
    }

    @Override
    public String name() {
        return "python/requirements";
    }

    /**
     * {@code *.txt} files whose name mentions requirements or constraints ({@code requirements-dev.txt},
     * {@code dev-requirements.txt}, {@code upper-constraints.txt}), and any {@code .txt} in a folder named
     * {@code requirements}.
     */
    @Override
    public boolean accepts(String relativePath) {
        String path = relativePath.toLowerCase(Locale.ROOT);
        if (!path.endsWith(".txt")) {
            return false;
        }
        int slash = path.lastIndexOf('/');
        String file = path.substring(slash + 1);
        String folder = slash < 0 ? "" : path.substring(path.lastIndexOf('/', slash - 1) + 1, slash);
        return file.contains("requirements") || file.contains("constraints") || folder.equals("requirements");
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        Collected collected = new Collected();
        read(source, true, new ArrayList<>(), collected);
        String index = collected.indexUrl;
        String extra = String.join(" ", collected.extraIndexUrls);
        List<Component> components = new ArrayList<>();
        for (RequirementParser.Parsed p : collected.requirements) {
            if (p.fromRegistry()) {
                p.builder().source(PythonSources.registry(index)).attribute("python:extra-index-urls", extra);
            }
            components.add(p.builder().direct(true).build());
        }
        return new LockfileInventory(source.displayPath(), name(), Ecosystem.PYPI, components, List.of());
    }

    /** What all files of one include tree contribute; index options apply to the whole tree, as in pip. */
    private static final class Collected {
        final List<RequirementParser.Parsed> requirements = new ArrayList<>();
        String indexUrl = "";
        final List<String> extraIndexUrls = new ArrayList<>();
        /** Files already read, and whether as requirements (true) or only as constraints (false). */
        final Map<String, Boolean> read = new HashMap<>();
    }

    private void read(LockfileSource file, boolean install, List<LockfileSource> chain, Collected out) {
        chain.add(file);
        String text = TextInput.decode(file);
        for (RequirementLines.Logical logical : RequirementLines.split(text)) {
            String line = logical.text();
            if (line.startsWith("-")) {
                option(file, logical, install, chain, out);
            } else if (install) {
                out.requirements.add(requirement(file, logical, line, false));
            }
        }
        chain.remove(chain.size() - 1);
    }

    private void option(LockfileSource file, RequirementLines.Logical logical, boolean install,
                        List<LockfileSource> chain, Collected out) {
        Matcher m = OPTION.matcher(logical.text());
        if (!m.matches()) {
            return;
        }
        String value = m.group(2) == null ? "" : m.group(2).strip();
        switch (m.group(1)) {
            case "-r", "--requirement" -> include(file, logical.line(), value, install, chain, out);
            case "-c", "--constraint" -> include(file, logical.line(), value, false, chain, out);
            case "-e", "--editable" -> {
                if (value.isEmpty()) {
                    throw new LockfileParseException(file, logical.line(), "-e without a path or URL");
                }
                if (install) {
                    out.requirements.add(requirement(file, logical, value, true));
                }
            }
            case "-i", "--index-url" -> out.indexUrl = value;
            case "--extra-index-url" -> out.extraIndexUrls.add(value);
            default -> {
                // other pip options (--only-binary, --pre, --find-links ...) do not change what is locked
            }
        }
    }

    private void include(LockfileSource file, int line, String reference, boolean install,
                         List<LockfileSource> chain, Collected out) {
        if (reference.isEmpty()) {
            throw new LockfileParseException(file, line, "include without a file name");
        }
        if (chain.size() >= MAX_INCLUDE_DEPTH) {
            throw new LockfileParseException(file, line, "includes nested deeper than " + MAX_INCLUDE_DEPTH);
        }
        LockfileSource included = includes.read(file, line, reference).orElseThrow(() ->
                new LockfileParseException(file, line, "included file " + reference + " not found"));
        for (LockfileSource seen : chain) {
            if (seen.displayPath().equals(included.displayPath())) {
                List<String> names = new ArrayList<>(chain.subList(chain.indexOf(seen), chain.size()).stream()
                        .map(LockfileSource::displayPath).toList());
                names.add(included.displayPath());
                throw new LockfileParseException(file, line, "include cycle: " + String.join(" -> ", names));
            }
        }
        // Each file is read once (twice at most: as a constraint, then as requirements), or files that include
        // the next one twice would be read 2^depth times.
        Boolean readBefore = out.read.get(included.displayPath());
        if (readBefore != null && (readBefore || !install)) {
            return;
        }
        out.read.put(included.displayPath(), install);
        read(included, install, chain, out);
    }

    private static RequirementParser.Parsed requirement(LockfileSource file, RequirementLines.Logical logical,
                                                        String text, boolean editable) {
        Matcher options = PER_REQUIREMENT_OPTIONS.matcher(text);
        int cut = options.find() ? options.start() : text.length();
        RequirementParser.Parsed parsed = RequirementParser.parse(file, logical.line(), text.substring(0, cut).strip(),
                editable);
        int offsetInLogical = logical.text().length() - text.length();
        Matcher hash = HASH.matcher(text);
        while (hash.find(cut)) {
            int line = logical.lineAt(offsetInLogical + hash.start());
            parsed.builder().hash(PythonHashes.parse(file, line, hash.group(1), ""));
            cut = hash.end();
        }
        parsed.builder().location(file.at(logical.line()));
        return parsed;
    }
}
