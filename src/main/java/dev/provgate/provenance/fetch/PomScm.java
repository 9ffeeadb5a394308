// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import dev.provgate.provenance.store.DeclaredRepository;
import dev.provgate.provenance.store.RepositoryUrls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.model.Model;
import org.apache.maven.model.Scm;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The source repository a Maven artifact's own POM declares in {@code <scm>}: {@code url}, else {@code connection},
 * else {@code developerConnection} ({@code scm:git:} prefixes dropped), when it is on GitHub or GitLab. A parent's
 * {@code <scm>} is not followed: Maven appends module paths to inherited URLs, which would misname GitLab
 * repositories.
 */
final class PomScm {
    private PomScm() {
    }

    static Optional<DeclaredRepository> declared(byte[] pom) {
        Model model;
        try {
            model = new MavenXpp3Reader().read(new ByteArrayInputStream(pom), false);
        } catch (IOException | XmlPullParserException e) {
            return Optional.empty();
        }
        Scm scm = model.getScm();
        if (scm == null) {
            return Optional.empty();
        }
        Map<String, String> candidates = new LinkedHashMap<>();
        candidates.put("maven pom scm.url", scm.getUrl());
        candidates.put("maven pom scm.connection", scm.getConnection());
        candidates.put("maven pom scm.developerConnection", scm.getDeveloperConnection());
        for (Map.Entry<String, String> c : candidates.entrySet()) {
            if (c.getValue() == null) {
                continue;
            }
            String raw = c.getValue().strip();
            Optional<String> repository = RepositoryUrls.normalise(raw.replaceFirst("^scm:[A-Za-z0-9]+:", ""));
            if (repository.isPresent()) {
                return Optional.of(new DeclaredRepository(repository.get(), c.getKey(), raw));
            }
        }
        return Optional.empty();
    }
}
