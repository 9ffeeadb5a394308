// SPDX-License-Identifier: Apache-2.0
package dev.provgate.check;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Purls;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A made-up lockfile format for check tests, so they run without the real parsers: files named {@code *.testlock},
 * one npm package a line, {@code name@version [direct] [dev] [git=URL] [deps=a@1,b@2]}; {@code #} starts a comment.
 */
public final class TestLockParser implements LockfileParser {
    @Override
    public String name() {
        return "test/testlock";
    }

    @Override
    public Ecosystem ecosystem() {
        return Ecosystem.NPM;
    }

    @Override
    public boolean accepts(String relativePath) {
        return relativePath.endsWith(".testlock");
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        List<Component> components = new ArrayList<>();
        List<Dependency> edges = new ArrayList<>();
        String[] lines = source.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                entry(source, i + 1, line.split("\\s+"), components, edges);
            }
        }
        return new LockfileInventory(source.displayPath(), name(), Ecosystem.NPM, components, edges);
    }

    private static void entry(LockfileSource source, int lineNo, String[] tokens, List<Component> components,
                              List<Dependency> edges) {
        int at = tokens[0].lastIndexOf('@');
        if (at <= 0) {
            throw new LockfileParseException(source, lineNo, "expected name@version, got " + tokens[0]);
        }
        Component.Builder b = Component.builder(Ecosystem.NPM, tokens[0].substring(0, at), tokens[0].substring(at + 1))
                .location(source.at(lineNo));
        String purl = Purls.npm(tokens[0].substring(0, at), tokens[0].substring(at + 1));
        for (int t = 1; t < tokens.length; t++) {
            String token = tokens[t];
            if (token.equals("direct")) {
                b.direct(true);
            } else if (token.equals("dev")) {
                b.scope(Scope.DEV);
            } else if (token.startsWith("git=")) {
                b.source(Source.of(SourceKind.GIT, token.substring(4)));
            } else if (token.startsWith("deps=")) {
                for (String dep : token.substring(5).split(",")) {
                    int dat = dep.lastIndexOf('@');
                    edges.add(new Dependency(purl, Purls.npm(dep.substring(0, dat), dep.substring(dat + 1))));
                }
            } else {
                throw new LockfileParseException(source, lineNo, "unknown token " + token);
            }
        }
        components.add(b.build());
    }
}
