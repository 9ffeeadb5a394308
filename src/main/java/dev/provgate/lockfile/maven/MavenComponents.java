// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Purls;
import dev.provgate.model.Scope;
import java.util.Locale;

/** Maven coordinates to components: the purl with classifier and type, and Maven scopes to provgate scopes. */
final class MavenComponents {
    static final String SCOPE_ATTRIBUTE = "maven:scope";

    private MavenComponents() {
    }

    /**
     * The purl of these coordinates; ones no purl can hold (a group {@code a//b}) are an input error at the line
     * of the entry that names them.
     */
    static String purl(LockfileSource source, int line, String group, String artifact, String version,
                       String classifier, String type) {
        try {
            return Purls.maven(group, artifact, version, classifier, type);
        } catch (IllegalArgumentException e) {
            throw new LockfileParseException(source, line, "'" + group + ":" + artifact + ":" + version
                    + "' are not valid Maven coordinates (" + e.getMessage() + ")");
        }
    }

    /**
     * A builder named {@code group:artifact} with the purl, scope and attributes set.
     *
     * @param mavenScope compile, runtime, provided, system, test, or empty when the format does not say
     */
    static Component.Builder builder(String group, String artifact, String version, String classifier, String type,
                                     String mavenScope, boolean optional) {
        return builder(Purls.maven(group, artifact, version, classifier, type), group, artifact, version, classifier,
                type, mavenScope, optional);
    }

    /** As above, for coordinates read from a file: ones no purl can hold are an input error at their line. */
    static Component.Builder builder(LockfileSource source, int line, String group, String artifact, String version,
                                     String classifier, String type, String mavenScope, boolean optional) {
        return builder(purl(source, line, group, artifact, version, classifier, type), group, artifact, version,
                classifier, type, mavenScope, optional);
    }

    private static Component.Builder builder(String purl, String group, String artifact, String version,
                                             String classifier, String type, String mavenScope, boolean optional) {
        String scope = mavenScope == null ? "" : mavenScope.toLowerCase(Locale.ROOT);
        Component.Builder b = Component.builder(Ecosystem.MAVEN, group + ":" + artifact, version)
                .purl(purl)
                .scope(scope(scope, optional))
                .attribute("maven:classifier", classifier);
        if (type != null && !type.equals("jar")) {
            b.attribute("maven:type", type);
        }
        return b.attribute(SCOPE_ATTRIBUTE, scope);
    }

    /** test is DEV; an optional dependency outside test is OPTIONAL; compile, runtime, provided and system RUNTIME. */
    static Scope scope(String mavenScope, boolean optional) {
        if ("test".equals(mavenScope)) {
            return Scope.DEV;
        }
        return optional ? Scope.OPTIONAL : Scope.RUNTIME;
    }
}
