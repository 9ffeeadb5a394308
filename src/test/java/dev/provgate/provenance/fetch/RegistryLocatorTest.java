// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Location;
import dev.provgate.model.ProvgateException;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the registry base URL comes from: options, lockfile URLs, user configuration; never assumed. */
class RegistryLocatorTest {
    @TempDir
    Path home;
    @TempDir
    Path project;

    private RegistryLocator locator(RegistryLocator.Options options, Map<String, String> env) {
        return new RegistryLocator(options, new UserConfig(home, env));
    }

    private RegistryLocator plain() {
        return locator(RegistryLocator.Options.none(), Map.of());
    }

    private Component npm(String name, String resolved) {
        return Component.builder(Ecosystem.NPM, name, "1.0.0").source(Source.registry(resolved))
                .location(new Location(project.resolve("package-lock.json").toString(), 3)).build();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
            "left-pad, https://npm.registry.invalid/left-pad/-/left-pad-1.0.0.tgz, https://npm.registry.invalid",
            "@scope/pkg, https://npm.registry.invalid/@scope/pkg/-/pkg-1.0.0.tgz, https://npm.registry.invalid",
            "@scope/pkg, https://mirror.invalid/api/npm/npm/@scope%2fpkg/-/pkg-1.0.0.tgz, "
                    + "https://mirror.invalid/api/npm/npm",
            "@scope/pkg, https://mirror.invalid/npm/@scope%2Fpkg/-/pkg-1.0.0.tgz, https://mirror.invalid/npm",
            "left-pad, https://npm.registry.invalid/left-pad/-/left-pad-1.0.0.tgz/, https://npm.registry.invalid",
    })
    void npmBaseFromTheResolvedTarballUrl(String name, String resolved, String base) {
        assertEquals(Optional.of(base), plain().baseFor(npm(name, resolved)));
    }

    @Test
    void optionBeatsTheLockfile() {
        RegistryLocator l = locator(new RegistryLocator.Options(Optional.of("https://mirror.invalid/npm/"),
                Optional.empty(), Optional.empty()), Map.of());
        assertEquals(Optional.of("https://mirror.invalid/npm"),
                l.baseFor(npm("a", "https://npm.registry.invalid/a/-/a-1.0.0.tgz")));
    }

    @Test
    void npmWithoutAnyHintHasNoRegistry() {
        assertEquals(Optional.empty(), plain().baseFor(npm("a", "")));
    }

    @Test
    void projectNpmrcWithScopeThenDefaultThenHomeNpmrc() throws Exception {
        Files.writeString(project.resolve(".npmrc"), String.join("\n",
                "# comment", "@corp:registry=https://corp.invalid/npm/", "registry=${MIRROR}/npm",
                "//corp.invalid/npm/:_authToken=secret"));
        Files.writeString(home.resolve(".npmrc"), "registry=https://home.invalid/\n");
        RegistryLocator l = locator(RegistryLocator.Options.none(), Map.of("MIRROR", "https://env.invalid"));
        assertEquals(Optional.of("https://corp.invalid/npm"), l.baseFor(npm("@corp/x", "")));
        assertEquals(Optional.of("https://env.invalid/npm"), l.baseFor(npm("plain", "")));
        Files.delete(project.resolve(".npmrc"));
        assertEquals(Optional.of("https://home.invalid"), l.baseFor(npm("plain", "")));
    }

    @Test
    void npmConfigRegistryEnvironmentBeatsNpmrc() throws Exception {
        Files.writeString(home.resolve(".npmrc"), "registry=https://home.invalid/\n");
        RegistryLocator l = locator(RegistryLocator.Options.none(),
                Map.of("NPM_CONFIG_REGISTRY", "https://env.invalid/"));
        assertEquals(Optional.of("https://env.invalid"), l.baseFor(npm("plain", "")));
    }

    @ParameterizedTest(name = "index {0} -> {1}")
    @CsvSource({"https://pypi.mirror.invalid/simple/, https://pypi.mirror.invalid",
            "https://art.invalid/api/pypi/pypi/simple, https://art.invalid/api/pypi/pypi",
            "https://pypi.mirror.invalid, https://pypi.mirror.invalid"})
    void pypiBaseFromTheLockfileIndex(String index, String base) {
        Component c = Component.builder(Ecosystem.PYPI, "Requests", "2.31.0")
                .source(new Source(SourceKind.REGISTRY, "", index)).build();
        assertEquals(Optional.of(base), plain().baseFor(c));
    }

    @Test
    void pypiBaseFromEnvironmentThenPipConf() throws Exception {
        Component c = Component.builder(Ecosystem.PYPI, "requests", "2.31.0").build();
        assertEquals(Optional.empty(), plain().baseFor(c));
        Files.createDirectories(home.resolve(".config/pip"));
        Files.writeString(home.resolve(".config/pip/pip.conf"), "[global]\nindex-url = https://conf.invalid/simple\n");
        assertEquals(Optional.of("https://conf.invalid"), plain().baseFor(c));
        assertEquals(Optional.of("https://env.invalid"),
                locator(RegistryLocator.Options.none(), Map.of("PIP_INDEX_URL", "https://env.invalid/simple/"))
                        .baseFor(c));
    }

    @Test
    void mavenBaseFromTheArtifactUrlThenSettingsMirror() throws Exception {
        Component fromUrl = Component.builder(Ecosystem.MAVEN, "dev.sigstore:sigstore-java", "2.0.0")
                .source(Source.registry("https://maven.repo.invalid/maven2/dev/sigstore/sigstore-java/2.0.0/"
                        + "sigstore-java-2.0.0.jar")).build();
        assertEquals(Optional.of("https://maven.repo.invalid/maven2"), plain().baseFor(fromUrl));
        Component bare = Component.builder(Ecosystem.MAVEN, "dev.sigstore:sigstore-java", "2.0.0").build();
        assertEquals(superPomCentral(), plain().baseFor(bare), "Maven's own default: the super POM's central");
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <mirrors>
                    <mirror><id>other</id><mirrorOf>snapshots</mirrorOf><url>https://wrong.invalid/</url></mirror>
                    <mirror><id>corp</id><mirrorOf>central,!x</mirrorOf><url>https://corp.invalid/maven/</url></mirror>
                  </mirrors>
                </settings>
                """);
        assertEquals(Optional.of("https://corp.invalid/maven"), plain().baseFor(bare));
    }

    /** The central repository of the super POM in maven-model-builder, read as Maven does, not spelled here. */
    private static Optional<String> superPomCentral() throws Exception {
        try (var in = org.apache.maven.model.building.ModelBuilder.class.getResourceAsStream(MavenDefaults.SUPER_POM)) {
            var model = new org.apache.maven.model.io.xpp3.MavenXpp3Reader().read(in);
            return model.getRepositories().stream().filter(r -> r.getId().equals("central")).findFirst()
                    .map(r -> r.getUrl());
        }
    }

    @Test
    void mavenDefaultRepositoryIsMavensOwnAndStartsWithHttps() throws Exception {
        Optional<String> central = MavenDefaults.central();
        assertEquals(superPomCentral(), central);
        assertTrue(central.orElseThrow().startsWith("https://"), central.get());
        Component bare = Component.builder(Ecosystem.MAVEN, "g:a", "1").build();
        assertEquals(Optional.empty(), new RegistryLocator(RegistryLocator.Options.none(),
                new UserConfig(home, Map.of()), Optional::empty).baseFor(bare), "no default given: none assumed");
    }

    @Test
    void npmScopedEnvironmentUserconfigAndGlobalNpmrcInNpmsOrder() throws Exception {
        Path user = Files.writeString(home.resolve("custom-npmrc"), "@corp:registry=https://user-scope.invalid/\n");
        Path prefix = Files.createDirectories(home.resolve("node-prefix"));
        Files.createDirectories(prefix.resolve("bin"));
        Files.writeString(prefix.resolve("bin/node"), "");
        Files.createDirectories(prefix.resolve("etc"));
        Files.writeString(prefix.resolve("etc/npmrc"), "registry=https://global.invalid/\n");
        Map<String, String> env = Map.of("npm_config_userconfig", user.toString(),
                "PATH", home.resolve("nowhere") + java.io.File.pathSeparator + prefix.resolve("bin"));
        RegistryLocator l = locator(RegistryLocator.Options.none(), env);
        assertEquals(Optional.of("https://user-scope.invalid"), l.baseFor(npm("@corp/x", "")));
        assertEquals(Optional.of("https://global.invalid"), l.baseFor(npm("plain", "")),
                "the global npmrc of the prefix above node's bin/");
        Map<String, String> scoped = new java.util.HashMap<>(env);
        scoped.put("npm_config_@corp:registry", "https://env-scope.invalid/");
        scoped.put("npm_config_registry", "https://env.invalid/");
        RegistryLocator withEnv = locator(RegistryLocator.Options.none(), scoped);
        assertEquals(Optional.of("https://env-scope.invalid"), withEnv.baseFor(npm("@corp/x", "")));
        assertEquals(Optional.of("https://env.invalid"), withEnv.baseFor(npm("plain", "")));
        Map<String, String> global = Map.of("npm_config_globalconfig", prefix.resolve("etc/npmrc").toString());
        assertEquals(Optional.of("https://global.invalid"),
                locator(RegistryLocator.Options.none(), global).baseFor(npm("plain", "")));
    }

    @Test
    void settingsXmlWithADoctypeIsRefused() throws Exception {
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"),
                "<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><settings>&x;</settings>");
        Component bare = Component.builder(Ecosystem.MAVEN, "g:a", "1").build();
        ProvgateException e = assertThrows(ProvgateException.class, () -> plain().baseFor(bare));
        assertEquals(home.resolve(".m2/settings.xml").toString(), e.file());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ftp://x.invalid/", "file:///etc", "not a url", "https://"})
    void nonHttpUrlsAreRefused(String url) {
        assertThrows(ProvgateException.class, () -> RegistryLocator.checkedBase(url));
    }
}
