// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code .pth} lines well-known tools install, which run code at start-up by design. A line is allowed only when
 * it has exactly the shape the tool writes: quoted names (namespace packages, environment variables) and generated
 * finder module names may vary, nothing else. A file named like a well-known one with other code is not allowed.
 */
final class StartupAllowList {
    private record Known(String tool, String template) {
    }

    private static final Pattern QUOTED_NAME = Pattern.compile("'[A-Za-z0-9_.]+'");
    private static final Pattern NAME_TUPLE = Pattern.compile("\\('N'(, ?'N')*,?\\)");
    private static final Pattern EDITABLE_FINDER = Pattern.compile("__editable___[A-Za-z0-9_]+_finder");
    private static final Pattern DYNAMIC_IMPORT = Pattern.compile("__import__\\('([^']*)'\\)");
    /** The only modules the known lines import by name; the quoted names may vary, these may not. */
    private static final Set<String> IMPORTED = Set.of("_distutils_hack", "importlib.util", "importlib.machinery");

    private static final List<Known> KNOWN = List.of(
            new Known("setuptools (distutils-precedence.pth)", "import os; var = 'SETUPTOOLS_USE_DISTUTILS'; "
                    + "enabled = os.environ.get(var, 'local') == 'local'; enabled and "
                    + "__import__('_distutils_hack').add_shim();"),
            new Known("setuptools editable install", "import __editable___N_finder; __editable___N_finder.install()"),
            new Known("virtualenv (_virtualenv.pth)", "import _virtualenv"),
            new Known("coverage (process_startup)", "import coverage; coverage.process_startup()"),
            new Known("pywin32 (pywin32.pth)", "import pywin32_bootstrap"),
            new Known("setuptools easy-install.pth", "import sys; sys.__plen = len(sys.path)"),
            new Known("setuptools easy-install.pth", "import sys; new = sys.path[sys.__plen:]; "
                    + "del sys.path[sys.__plen:]; p = getattr(sys, '__egginsert', 0); sys.path[p:p] = new; "
                    + "sys.__egginsert = p + len(new)"),
            new Known("setuptools namespace package (-nspkg.pth)", "import sys, types, os;"
                    + "has_mfs = sys.version_info > (3, 5);"
                    + "p = os.path.join(sys._getframe(1).f_locals['sitedir'], *('ns',));"
                    + "importlib = has_mfs and __import__('importlib.util');"
                    + "has_mfs and __import__('importlib.machinery');"
                    + "m = has_mfs and sys.modules.setdefault('ns', importlib.util.module_from_spec("
                    + "importlib.machinery.PathFinder.find_spec('ns', [os.path.dirname(p)])));"
                    + "m = m or sys.modules.setdefault('ns', types.ModuleType('ns'));"
                    + "mp = (m or []) and m.__dict__.setdefault('__path__',[]);(p not in mp) and mp.append(p)"),
            new Known("setuptools namespace package (-nspkg.pth)", "import sys, types, os;"
                    + "p = os.path.join(sys._getframe(1).f_locals['sitedir'], *('ns',));"
                    + "ie = os.path.exists(os.path.join(p,'__init__.py'));"
                    + "m = not ie and sys.modules.setdefault('ns', types.ModuleType('ns'));"
                    + "mp = (m or []) and m.__dict__.setdefault('__path__',[]);(p not in mp) and mp.append(p)"));

    private StartupAllowList() {
    }

    /** The tool that writes exactly this line, if a well-known one does. */
    static Optional<String> toolFor(String line) {
        String shape = shape(line);
        if (!DYNAMIC_IMPORT.matcher(line).results().allMatch(m -> IMPORTED.contains(m.group(1)))) {
            return Optional.empty();
        }
        return KNOWN.stream().filter(k -> shape(k.template()).equals(shape)).map(Known::tool).findFirst();
    }

    private static String shape(String line) {
        String s = EDITABLE_FINDER.matcher(line.strip()).replaceAll("__editable___N_finder");
        s = QUOTED_NAME.matcher(s).replaceAll("'N'");
        return NAME_TUPLE.matcher(s).replaceAll("('N',)");
    }
}
