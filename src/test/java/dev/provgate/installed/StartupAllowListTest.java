// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartupAllowListTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var, 'local') == 'local'; "
                    + "enabled and __import__('_distutils_hack').add_shim(); ",
            "import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var, 'stdlib') == 'local'; "
                    + "enabled and __import__('_distutils_hack').add_shim(); ",
            "import __editable___my_pkg_0_1_finder; __editable___my_pkg_0_1_finder.install()",
            "import _virtualenv",
            "import coverage; coverage.process_startup()",
            "import pywin32_bootstrap",
            "import sys; sys.__plen = len(sys.path)",
            "import sys, types, os;has_mfs = sys.version_info > (3, 5);p = os.path.join(sys._getframe(1)"
                    + ".f_locals['sitedir'], *('google', 'cloud',));importlib = has_mfs and __import__("
                    + "'importlib.util');has_mfs and __import__('importlib.machinery');m = has_mfs and "
                    + "sys.modules.setdefault('google.cloud', importlib.util.module_from_spec(importlib.machinery"
                    + ".PathFinder.find_spec('google.cloud', [os.path.dirname(p)])));m = m or sys.modules"
                    + ".setdefault('google.cloud', types.ModuleType('google.cloud'));mp = (m or []) and "
                    + "m.__dict__.setdefault('__path__',[]);(p not in mp) and mp.append(p)"})
    void wellKnownLinesAreAllowed(String line) {
        assertEquals(true, StartupAllowList.toolFor(line).isPresent(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "import os, subprocess, sys; subprocess.Popen([sys.executable, '-c', 'x'])",
            "import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var, 'local') == 'local'; "
                    + "enabled and __import__('evil').add_shim(); ",
            "import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = True; __import__('_distutils_hack').add_shim()",
            "import _virtualenv; import evil",
            "import coverage; coverage.process_startup(); exec('x')",
            "import sys, types, os;has_mfs = sys.version_info > (3, 5);p = os.path.join(sys._getframe(1)"
                    + ".f_locals['sitedir'], *('ns',));importlib = has_mfs and __import__('evil');has_mfs and "
                    + "__import__('importlib.machinery');m = has_mfs and sys.modules.setdefault('ns', "
                    + "importlib.util.module_from_spec(importlib.machinery.PathFinder.find_spec('ns', "
                    + "[os.path.dirname(p)])));m = m or sys.modules.setdefault('ns', types.ModuleType('ns'));mp = "
                    + "(m or []) and m.__dict__.setdefault('__path__',[]);(p not in mp) and mp.append(p)"})
    void lookalikesAreNot(String line) {
        assertEquals(Optional.empty(), StartupAllowList.toolFor(line), line);
    }
}
