// SPDX-License-Identifier: Apache-2.0
/**
 * Lockfiles of the npm ecosystem: {@code package-lock.json} / {@code npm-shrinkwrap.json} (lockfileVersion 1, 2, 3),
 * {@code yarn.lock} (classic v1 and berry, {@code __metadata} versions 4 to 10) and {@code pnpm-lock.yaml}
 * (lockfileVersion 5.x, 6.x, 9.0). The format is chosen by file name and confirmed by the content; lockfiles inside
 * node_modules are refused by {@code accepts}, and a shrinkwrap supersedes a package-lock in the same folder.
 *
 * <h2>What becomes a component</h2>
 * <ul>
 *   <li>Installed packages only. The root project and workspace packages (package-lock folders outside
 *       node_modules, yarn {@code workspace:} resolutions, pnpm importers) are never components; package-lock
 *       {@code link: true} entries and pnpm {@code link:} references lead to workspaces and are not components
 *       either. What workspaces declare makes a package direct.</li>
 *   <li>package-lock: one component per install path (attribute {@code npm:path}), so the same name@version
 *       installed in two places is two entries with one purl. pnpm 5.x / 6.x: one per {@code packages} key, so
 *       peer-dependency variants of one version share a purl; pnpm 9.0: one per {@code packages} key.</li>
 *   <li>Aliases ({@code npm:real@1.0.0}) are the real package; the alias name is kept in {@code npm:alias}
 *       (pnpm: every name the package is reached under other than its own, comma-separated).</li>
 * </ul>
 *
 * <h2>Sources, hashes, scripts</h2>
 * <ul>
 *   <li>Registry tarball URLs (shape {@code BASE/NAME/-/FILE.tgz}, any host) are REGISTRY with BASE as registry;
 *       other http(s) URLs are URL; git specs are GIT; {@code file:} and folders are PATH; yarn {@code link:} and
 *       {@code portal:} are LINK. A yarn {@code patch:} resolution is judged by the package it patches and keeps
 *       its locator in {@code yarn:patch}.</li>
 *   <li>npm {@code integrity} (sha1/sha256/sha384/sha512, several allowed) and the SHA-1 after {@code #} of a
 *       yarn classic tarball URL become hashes. berry {@code checksum} is yarn's digest of its own zip cache
 *       archive, not of the tarball, so it is the attribute {@code yarn:checksum}, never a hash.</li>
 *   <li>package-lock v2/v3 {@code hasInstallScript} and pnpm 5.x / 6.x {@code requiresBuild} make installScript
 *       RUNS or NONE. package-lock v1, yarn lockfiles (classic and berry) and pnpm 9.0 carry no such field: their
 *       packages are UNRECORDED, which the install-scripts rule never takes for script-free.</li>
 * </ul>
 *
 * <h2>Scope and direct</h2>
 * <ul>
 *   <li>package-lock: dev and devOptional are DEV, optional is OPTIONAL, peer is PEER. Direct = reached from the
 *       root's or a workspace's dependencies of any kind by Node's lookup (nearest node_modules up the path).
 *       v1 records no root dependencies, so there every top-level entry is direct (hoisted transitive
 *       packages included).</li>
 *   <li>yarn records neither dev nor peer: RUNTIME, or OPTIONAL when every entry that depends on the package
 *       marks it optional ({@code optionalDependencies}, berry {@code dependenciesMeta}). Direct (berry) = a
 *       workspace depends on it; classic lists no workspaces, so there direct = nothing else depends on it.</li>
 *   <li>pnpm 5.x / 6.x: the {@code dev} and {@code optional} flags; 9.0 has none, so scope follows reachability
 *       from the importers (dependencies, then optional edges and optionalDependencies, then devDependencies;
 *       a package no importer reaches stays RUNTIME). Direct = listed by an importer.</li>
 * </ul>
 *
 * <h2>Input that is refused</h2>
 * Empty, binary or non-UTF-8 files, malformed or truncated JSON/YAML, duplicate keys, fields of the wrong type,
 * unknown lockfile versions, integrity strings that are not SRI, JSON nested over 500 levels, YAML nested over 64
 * levels and YAML aliases (no lockfile writes them): each a LockfileParseException naming the file and line.
 */
package dev.provgate.lockfile.npm;
