// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import dev.provgate.provenance.fetch.UserConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * The backends an {@link OnEachStore} test runs on. SQLite: a new file in a temporary folder. PostgreSQL: the
 * server {@code PROVGATE_TEST_POSTGRES_URL} names (credentials as provgate finds them: PGPASSWORD or a pgpass
 * file), with a new schema per run, dropped afterwards, so runs never see each other's rows and a developer's own
 * server is left as it was.
 *
 * <p>Without the variable the PostgreSQL runs are skipped, saying so, except under {@code CI=true}, where they
 * fail: CI must never pass a store change that was only tried on SQLite.
 */
public final class StoreLocations implements TestTemplateInvocationContextProvider {
    static final String POSTGRES_VARIABLE = "PROVGATE_TEST_POSTGRES_URL";
    private final Map<String, String> env;

    public StoreLocations() {
        this(System.getenv());
    }

    StoreLocations(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.getParameterCount() > 0
                && Stream.of(m.getParameterTypes()).anyMatch(StoreLocation.class::equals)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(invocation(new Sqlite()), invocation(new Postgres(env)));
    }

    /** How one backend makes a fresh store before a run and removes it after. */
    sealed interface Backend permits Sqlite, Postgres {
        String name();

        /** Why this backend's runs are skipped, or null when they run. */
        String skipReason();

        String create() throws Exception;

        void drop() throws Exception;
    }

    private static TestTemplateInvocationContext invocation(Backend backend) {
        StoreLocation[] current = new StoreLocation[1];
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return backend.name();
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                List<Extension> extensions = new ArrayList<>();
                extensions.add((ExecutionCondition) c -> backend.skipReason() == null
                        ? ConditionEvaluationResult.enabled(backend.name())
                        : ConditionEvaluationResult.disabled(backend.skipReason()));
                extensions.add((BeforeEachCallback) c -> current[0] = new StoreLocation(backend.name(),
                        backend.create()));
                extensions.add((AfterEachCallback) c -> backend.drop());
                extensions.add(new ParameterResolver() {
                    @Override
                    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
                        return p.getParameter().getType() == StoreLocation.class;
                    }

                    @Override
                    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
                        return current[0];
                    }
                });
                return extensions;
            }
        };
    }

    static final class Sqlite implements Backend {
        private Path dir;

        @Override
        public String name() {
            return "sqlite";
        }

        @Override
        public String skipReason() {
            return null;
        }

        @Override
        public String create() throws IOException {
            dir = Files.createTempDirectory("provgate-store-test");
            return dir.resolve("inventory.sqlite").toString();
        }

        @Override
        public void drop() throws IOException {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** For a test class that cannot be a template (a contract's subclass): a fresh PostgreSQL store per test. */
    public static Postgres postgres() {
        return new Postgres(System.getenv());
    }

    public static final class Postgres implements Backend {
        private final Map<String, String> env;
        private String schema;

        Postgres(Map<String, String> env) {
            this.env = env;
        }

        /** A new schema's location; without a server, the test is skipped with the reason (failed under CI). */
        public String createOrSkip() throws SQLException {
            String reason = skipReason();
            Assumptions.assumeTrue(reason == null, reason);
            return create();
        }

        @Override
        public String name() {
            return "postgresql";
        }

        @Override
        public String skipReason() {
            if (url() != null || "true".equalsIgnoreCase(env.get("CI"))) {
                return null;
            }
            return POSTGRES_VARIABLE + " is not set: the PostgreSQL runs of the store tests are skipped (.ci/run"
                    + " starts a server with scripts/ci/postgres.sh; `scripts/ci/postgres.sh --foreground` gives"
                    + " one for a local run)";
        }

        private String url() {
            String url = env.get(POSTGRES_VARIABLE);
            return url == null || url.isBlank() ? null : url.strip();
        }

        @Override
        public String create() throws SQLException {
            schema = null;
            if (url() == null) {
                throw new IllegalStateException(POSTGRES_VARIABLE + " is not set under CI=true: the store tests"
                        + " must run on PostgreSQL in CI (.ci/run sources scripts/ci/postgres.sh)");
            }
            schema = "provgate_test_" + UUID.randomUUID().toString().replace("-", "");
            execute("CREATE SCHEMA " + schema);
            return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        @Override
        public void drop() throws SQLException {
            if (schema != null) {
                execute("DROP SCHEMA " + schema + " CASCADE");
                schema = null;
            }
        }

        private void execute(String sql) throws SQLException {
            PostgresSettings settings = PostgresSettings.resolve(url(), new UserConfig(
                    Path.of(System.getProperty("user.home", ".")), env));
            try (Connection c = DriverManager.getConnection(settings.url(), settings.properties());
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new SQLException("PostgreSQL at " + url() + " (" + POSTGRES_VARIABLE + "): " + e.getMessage()
                        + settings.note().map(n -> " (" + n + ")").orElse(""), e);
            }
        }
    }
}
