// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a store test once per backend: SQLite always, PostgreSQL when {@code PROVGATE_TEST_POSTGRES_URL} names a
 * server (.ci/run starts one; see {@link StoreLocations}). The test takes a {@link StoreLocation} parameter, a fresh
 * empty store for each run.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(StoreLocations.class)
public @interface OnEachStore {
}
