// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.maven.model.Model;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.ModelBuilder;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * Maven's own default repository: the {@code central} repository of the super POM that ships in maven-model-builder
 * (the POM every project inherits), read at run time, so provgate never spells the address itself and follows Maven
 * when it changes.
 */
final class MavenDefaults {
    static final String SUPER_POM = "/org/apache/maven/model/pom-4.0.0.xml";

    private MavenDefaults() {
    }

    /** The super POM's {@code central} repository URL; empty when the model builder's jar does not carry it. */
    static Optional<String> central() {
        try (InputStream in = ModelBuilder.class.getResourceAsStream(SUPER_POM)) {
            if (in == null) {
                return Optional.empty();
            }
            Model superPom = new MavenXpp3Reader().read(in, false);
            return superPom.getRepositories().stream().filter(r -> "central".equals(r.getId()))
                    .map(Repository::getUrl).filter(u -> u != null && !u.isBlank()).findFirst();
        } catch (IOException | XmlPullParserException e) {
            throw new IllegalStateException("Maven's super POM in maven-model-builder is unreadable", e);
        }
    }
}
