// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.model.ProvgateException;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which refs a history scan reads: git-style patterns ({@code refs/heads/*}, {@code refs/tags/v1.*}); a pattern
 * without a wildcard names one ref or every ref under it. Default: every branch, tag and remote-tracking branch.
 */
public final class RefPatterns {
    public static final List<String> DEFAULT = List.of("refs/heads/*", "refs/tags/*", "refs/remotes/*");
    private final List<String> patterns;
    private final List<Pattern> compiled;

    public RefPatterns(List<String> patterns) {
        this.patterns = patterns.isEmpty() ? DEFAULT : List.copyOf(patterns);
        for (String p : this.patterns) {
            if (!p.startsWith("refs/") || p.contains("..") || p.contains(" ")) {
                throw new ProvgateException("unknown ref pattern '" + p + "': patterns start with refs/, e.g. "
                        + "refs/heads/* or refs/tags/v2.*");
            }
        }
        this.compiled = this.patterns.stream().map(RefPatterns::compile).toList();
    }

    public boolean matches(String ref) {
        return !ref.endsWith("/HEAD") && compiled.stream().anyMatch(p -> p.matcher(ref).matches());
    }

    /**
     * A query's {@code --ref}: a pattern starting with {@code refs/} matches full names, any other the short name
     * ({@code main}, {@code release/*}, {@code v1.*}) of a branch, tag or remote-tracking branch.
     */
    public static Predicate<String> forQuery(String pattern) {
        Pattern p = compile(pattern);
        if (pattern.startsWith("refs/")) {
            return ref -> p.matcher(ref).matches();
        }
        return ref -> p.matcher(ref.replaceFirst("^refs/(heads|tags|remotes)/", "")).matches();
    }

    @Override
    public String toString() {
        return String.join(" ", patterns);
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> "[^/]";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        if (!glob.contains("*") && !glob.contains("?")) {
            regex.append("(/.*)?");
        }
        return Pattern.compile(regex.toString());
    }
}
