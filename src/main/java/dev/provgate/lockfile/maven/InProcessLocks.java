// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.aether.impl.NamedLockFactorySelector;
import org.eclipse.aether.named.NamedLockFactory;
import org.eclipse.aether.named.providers.LocalReadWriteLockNamedLockFactory;

/**
 * The resolver's named locks as read-write locks inside this process, whatever the configuration says: file locks
 * would be files created and deleted in the shared local repository, with names made of a hostile POM's coordinates.
 */
final class InProcessLocks implements NamedLockFactorySelector {
    private final NamedLockFactory factory = new LocalReadWriteLockNamedLockFactory();

    @Override
    public Set<String> getAvailableLockFactories() {
        return Set.of(LocalReadWriteLockNamedLockFactory.NAME);
    }

    @Override
    public NamedLockFactory getNamedLockFactory(Map<String, ?> config) {
        return factory;
    }

    @Override
    public long getLockWaitTime(Map<String, ?> config) {
        return 60;
    }

    @Override
    public TimeUnit getLockWaitTimeUnit(Map<String, ?> config) {
        return TimeUnit.SECONDS;
    }
}
