// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermission;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Repository;

/**
 * provgate's git pre-commit hook in one repository: installed into the hooks folder git uses ({@code core.hooksPath}
 * when set, else {@code .git/hooks}). A hook already there is kept and run first ("chained"); uninstalling puts it
 * back. The installed hook runs the installation's {@code scripts/pre-commit}, which starts Java only when a
 * lockfile is staged.
 */
public final class PreCommitHook {
    static final String MARKER = "# provgate pre-commit hook, installed by 'provgate hook install'";
    static final String CHAINED = "pre-commit.provgate-chained";
    static final String SAVED = "pre-commit.provgate-saved";

    private final Path hooks;

    private PreCommitHook(Path hooks) {
        this.hooks = hooks;
    }

    /** The hooks folder of the repository holding {@code start}. */
    public static PreCommitHook of(Path start) {
        try (Repository repo = GitRepositories.open(start)) {
            String configured = repo.getConfig().getString(ConfigConstants.CONFIG_CORE_SECTION, null,
                    ConfigConstants.CONFIG_KEY_HOOKS_PATH);
            if (configured == null || configured.isBlank()) {
                return new PreCommitHook(repo.getDirectory().toPath().resolve("hooks"));
            }
            Path path = configured.startsWith("~/")
                    ? Path.of(System.getProperty("user.home")).resolve(configured.substring(2)) : Path.of(configured);
            Path top = repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
            return new PreCommitHook(top.resolve(path).normalize());
        }
    }

    public Path file() {
        return hooks.resolve("pre-commit");
    }

    /** What {@link #install} did, for the one line the command prints. */
    public enum Installed { NEW, UPDATED, CHAINED, REPLACED }

    /**
     * Writes the hook that runs {@code script}. Ours already there: rewritten. Another hook there: kept as
     * {@value #CHAINED} and run first, or with {@code force} kept as {@value #SAVED} and not run.
     */
    public Installed install(Path script, boolean force) {
        Path hook = file();
        Installed what = Installed.NEW;
        try {
            Files.createDirectories(hooks);
            if (exists(hook) && !isOurs(hook)) {
                Path keep = hooks.resolve(force ? SAVED : CHAINED);
                if (exists(keep)) {
                    throw new ProvgateException(keep.toString(), 0, "already there from an earlier install; "
                            + "move it away, or run 'provgate hook uninstall' first");
                }
                Files.move(hook, keep, StandardCopyOption.ATOMIC_MOVE);
                what = force ? Installed.REPLACED : Installed.CHAINED;
            } else if (exists(hook)) {
                what = Installed.UPDATED;
            }
            Files.writeString(hook, content(script), StandardCharsets.UTF_8);
            makeExecutable(hook);
            return what;
        } catch (IOException e) {
            throw new ProvgateException(hook.toString(), 0, "cannot install the hook: " + e.getMessage(), e);
        }
    }

    /** Removes our hook and puts back the one it chained or replaced; false when ours was not installed. */
    public boolean uninstall() {
        Path hook = file();
        try {
            if (!exists(hook) || !isOurs(hook)) {
                return false;
            }
            Files.delete(hook);
            for (String kept : new String[] {CHAINED, SAVED}) {
                if (exists(hooks.resolve(kept))) {
                    Files.move(hooks.resolve(kept), hook, StandardCopyOption.ATOMIC_MOVE);
                    break;
                }
            }
            return true;
        } catch (IOException e) {
            throw new ProvgateException(hook.toString(), 0, "cannot uninstall the hook: " + e.getMessage(), e);
        }
    }

    static String content(Path script) {
        return "#!/bin/sh\n"
                + MARKER + "; 'provgate hook uninstall' removes it.\n"
                + "# A hook that was here before is kept as " + CHAINED + " and runs first.\n"
                + "hooks=\"$(cd \"$(dirname \"$0\")\" && pwd)\"\n"
                + "if [ -x \"$hooks/" + CHAINED + "\" ]; then\n"
                + "    \"$hooks/" + CHAINED + "\" \"$@\" || exit $?\n"
                + "fi\n"
                + "exec " + quoted(script.toAbsolutePath().normalize().toString()) + " \"$@\"\n";
    }

    private static boolean isOurs(Path hook) throws IOException {
        return Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS)
                && Files.readString(hook, StandardCharsets.ISO_8859_1).contains(MARKER);
    }

    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, perms);
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true);
        }
    }
}
