// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Printable;
import dev.provgate.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One requirement of a requirements file: a PEP 508 name with extras, specifier and marker, a direct URL (named
 * with {@code name @ url} or bare), a VCS URL, or a local path; editable when it came after {@code -e}. Only
 * {@code ==version} and {@code ===version} pin a registry version; everything else keeps version "" and says
 * why in {@code python:unpinned}. Lines come from hostile files and may be megabytes long: every pattern here
 * matches in linear time (no nested or lazy quantifiers that backtrack over the line), the rest is plain code.
 */
final class RequirementParser {
    private static final Pattern NAMED = Pattern.compile(
            "([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(?:\\[([^]]*)])?\\s*(.*)", Pattern.DOTALL);
    /** One clause of a specifier; versions cannot contain operator characters, so it never backtracks far. */
    private static final Pattern CLAUSE = Pattern.compile("\\s*(?:===|==|!=|~=|<=|>=|<|>)\\s*[^,;()\\s=<>!~]+\\s*");
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*|file:.*");
    private static final Pattern VCS = Pattern.compile("(git|hg|svn|bzr)\\+.*");
    private static final Pattern EGG = Pattern.compile("[#&]egg=([^&]+)");
    private static final Pattern WHEEL = Pattern.compile("([^-]+)-([^-]+)(-[^-]+)?-[^-]+-[^-]+-[^-]+\\.whl");
    private static final List<String> SDIST_SUFFIXES = List.of(".tar.gz", ".tar.bz2", ".tar.xz", ".zip", ".tgz");
    private static final Pattern ARCHIVE = Pattern.compile("(?i)[^;]*\\.(whl|tar\\.gz|tar\\.bz2|tgz|zip)(\\s*;.*)?");
    private static final Pattern PATH_LIKE = Pattern.compile("[.~/\\\\].*|[^;]*[/\\\\].*");
    private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("[#?].*");

    /** A parsed requirement; {@code fromRegistry} ones take their index from the file's index options. */
    record Parsed(Component.Builder builder, boolean fromRegistry) {
    }

    private RequirementParser() {
    }

    static Parsed parse(LockfileSource source, int line, String requirement, boolean editable) {
        if (URL.matcher(requirement).matches()) {
            String[] urlAndMarker = splitMarker(requirement, true);
            return withName(source, line, requirement, remote(urlAndMarker[0], "", "", urlAndMarker[1], editable));
        }
        Matcher m = NAMED.matcher(requirement);
        if (!editable && m.matches() && (m.group(3).strip().startsWith("@")
                || !isArchive(requirement) && isSpecifier(m.group(3)))) {
            return named(m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3), editable);
        }
        if (editable || isArchive(requirement) || PATH_LIKE.matcher(requirement).matches()) {
            String[] pathAndMarker = splitMarker(requirement, true);
            return withName(source, line, requirement, local(source, pathAndMarker[0], pathAndMarker[1], editable));
        }
        throw new LockfileParseException(source, line, "not a requirement: '" + requirement + "'");
    }

    /** Comma-separated clauses, optionally in parentheses, or nothing at all. */
    /**
     * A bare URL or path names its package only through its file or folder name; one that names none (a URL ending
     * in '/') is an input error, since no package URL can be made of it. Building the component is the check.
     */
    private static Parsed withName(LockfileSource source, int line, String requirement, Parsed parsed) {
        try {
            parsed.builder().build();
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new LockfileParseException(source, line, "cannot tell the package name of '"
                    + Printable.excerpt(requirement) + "'; name it as 'name @ url'");
        }
    }

    private static boolean isSpecifier(String rest) {
        String spec = splitMarker(rest.strip(), false)[0];
        if (spec.startsWith("(")) {
            spec = spec.substring(1);
        }
        if (spec.endsWith(")")) {
            spec = spec.substring(0, spec.length() - 1);
        }
        if (spec.isBlank()) {
            return true;
        }
        for (String clause : spec.split(",", -1)) {
            if (!CLAUSE.matcher(clause).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Parsed named(String name, String extras, String rest, boolean editable) {
        String trimmed = rest.strip();
        if (trimmed.startsWith("@")) {
            String[] urlAndMarker = splitMarker(trimmed.substring(1).strip(), true);
            return remote(urlAndMarker[0], name, extras, urlAndMarker[1], editable);
        }
        String[] specAndMarker = splitMarker(trimmed, false);
        String spec = specAndMarker[0].replaceAll("[()\\s]", "");
        String version = exactPin(spec);
        Component.Builder b = Component.builder(Ecosystem.PYPI, name, version)
                .attribute("python:extras", normalizeExtras(extras))
                .attribute("python:markers", specAndMarker[1]);
        if (version.isEmpty()) {
            b.attribute("python:specifier", spec).attribute("python:unpinned", spec.isEmpty() ? "no version"
                    : "specifier");
        }
        return new Parsed(b, true);
    }

    private static Parsed remote(String url, String name, String extras, String marker, boolean editable) {
        String file = PythonHashes.fileName(url);
        String[] fromFile = nameAndVersion(file);
        boolean vcs = VCS.matcher(url).matches();
        Matcher egg = EGG.matcher(url);
        String shownName = !name.isEmpty() ? name : egg.find() ? egg.group(1) : !fromFile[0].isEmpty() ? fromFile[0]
                : stripSuffix(afterLastSlash(vcsPath(url)), ".git");
        Source origin = url.startsWith("git+") ? PythonSources.git(url) : PythonSources.archive(url);
        Component.Builder b = Component.builder(Ecosystem.PYPI, shownName, vcs ? "" : fromFile[1])
                .source(origin)
                .attribute("python:extras", normalizeExtras(extras))
                .attribute("python:markers", marker)
                .attribute("python:unpinned", editable ? "editable" : vcs ? "vcs" : "url")
                .attribute("python:vcs-ref", vcs ? vcsRef(url) : "");
        return new Parsed(b, false);
    }

    private static Parsed local(LockfileSource source, String path, String marker, boolean editable) {
        String extras = "";
        String where = path;
        int open = extrasStart(path);
        if (open >= 0) {
            where = path.substring(0, open);
            extras = path.substring(open + 1, path.length() - 1);
        }
        Matcher egg = EGG.matcher(where);
        String[] fromFile = nameAndVersion(PythonHashes.fileName(where));
        String name = egg.find() ? egg.group(1) : !fromFile[0].isEmpty() ? fromFile[0] : folderName(source, where);
        Component.Builder b = Component.builder(Ecosystem.PYPI, name, fromFile[1])
                .source(PythonSources.directory(where, editable))
                .attribute("python:extras", normalizeExtras(extras))
                .attribute("python:markers", marker)
                .attribute("python:unpinned", editable ? "editable" : "path");
        return new Parsed(b, false);
    }

    /** {@code ==1.2} or {@code ===1.2} alone pins a version; wildcards, ranges and several clauses do not. */
    static String exactPin(String spec) {
        if (spec.startsWith("===") && spec.indexOf(',') < 0) {
            return spec.substring(3);
        }
        if (spec.startsWith("==") && spec.indexOf(',') < 0 && spec.indexOf('*') < 0) {
            return spec.substring(2);
        }
        return "";
    }

    /** Splits off an environment marker: at {@code ;} for names; for URLs only at a {@code ;} next to white space. */
    private static String[] splitMarker(String text, boolean url) {
        int semi = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ';' && (!url || (i > 0 && Character.isWhitespace(text.charAt(i - 1)))
                    || (i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))))) {
                semi = i;
                break;
            }
        }
        return semi < 0 ? new String[] {text.strip(), ""}
                : new String[] {text.substring(0, semi).strip(), text.substring(semi + 1).strip()};
    }

    private static boolean isArchive(String requirement) {
        return ARCHIVE.matcher(requirement).matches();
    }

    /** Name and version from a wheel or sdist file name, or two empty strings. */
    private static String[] nameAndVersion(String file) {
        Matcher w = WHEEL.matcher(file);
        if (w.matches()) {
            return new String[] {w.group(1), w.group(2)};
        }
        return sdistNameAndVersion(file);
    }

    /** {@code name-version.tar.gz} (and the other sdist suffixes): the version follows the last '-', a digit first. */
    private static String[] sdistNameAndVersion(String file) {
        for (String suffix : SDIST_SUFFIXES) {
            if (file.endsWith(suffix)) {
                String stem = file.substring(0, file.length() - suffix.length());
                int dash = stem.lastIndexOf('-');
                char first = dash > 0 && dash + 1 < stem.length() ? stem.charAt(dash + 1) : ' ';
                if (first >= '0' && first <= '9') {
                    return new String[] {stem.substring(0, dash), stem.substring(dash + 1)};
                }
                break;
            }
        }
        return new String[] {"", ""};
    }

    /**
     * Where {@code path[extras]} opens its extras: the first '[' after any other ']', when the path ends in ']';
     * -1 when it has none.
     */
    private static int extrasStart(String path) {
        if (!path.endsWith("]")) {
            return -1;
        }
        String inner = path.substring(0, path.length() - 1);
        return inner.indexOf('[', inner.lastIndexOf(']') + 1);
    }

    private static String afterLastSlash(String s) {
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static String vcsPath(String url) {
        String s = QUERY_OR_FRAGMENT.matcher(url).replaceFirst("");
        int scheme = s.indexOf("://");
        int slash = s.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        int at = s.lastIndexOf('@');
        return at > slash && slash >= 0 ? s.substring(0, at) : s;
    }

    private static String vcsRef(String url) {
        String s = QUERY_OR_FRAGMENT.matcher(url).replaceFirst("");
        String path = vcsPath(url);
        return s.length() > path.length() ? s.substring(path.length() + 1) : "";
    }

    /**
     * A local project has no name in the requirement; its folder's name is the best one to show. {@code .} and
     * {@code ..} are resolved against the including file's folder (its origin path, else its display path).
     */
    private static String folderName(LockfileSource source, String path) {
        String base = source.origin().isEmpty() ? source.displayPath() : source.origin();
        String joined = base.replace('\\', '/').replaceAll("[^/]*$", "") + path.replace('\\', '/');
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("/")) {
            if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        String last = parts.isEmpty() ? "" : parts.get(parts.size() - 1);
        return last.isEmpty() || last.equals("..") ? path : last;
    }

    private static String stripSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    private static String normalizeExtras(String extras) {
        return extras.replaceAll("\\s", "");
    }
}
