// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Component;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurlPatternTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            pkg:npm/@aws-sdk/*                  | npm   | @aws-sdk/client-s3 | 3.1.0  | true
            pkg:npm/%40aws-sdk/*                | npm   | @aws-sdk/client-s3 | 3.1.0  | true
            pkg:npm/@aws-sdk/client-s3          | npm   | @aws-sdk/client-s3 | 3.1.0  | true
            pkg:npm/@aws-sdk/*                  | npm   | aws-sdk            | 2.1.0  | false
            pkg:npm/*                           | npm   | @aws-sdk/client-s3 | 3.1.0  | false
            pkg:npm/**                          | npm   | @aws-sdk/client-s3 | 3.1.0  | true
            pkg:npm/left-pad                    | npm   | left-pad           | 1.3.0  | true
            pkg:npm/left-pad@1.3.0              | npm   | left-pad           | 1.3.0  | true
            pkg:npm/left-pad@1.3.0              | npm   | left-pad           | 1.3.1  | false
            pkg:npm/@scope/name@2.0.0           | npm   | @scope/name        | 2.0.0  | true
            pkg:npm/left-pad                    | pypi  | left-pad           | 1.3.0  | false
            pkg:pypi/litellm                    | pypi  | LiteLLM            | 1.82.7 | true
            pkg:pypi/Typing_Extensions          | pypi  | typing-extensions  | 4.0.0  | true
            pkg:pypi/google-cloud-*             | pypi  | google_cloud_storage | 2.0.0 | true
            pkg:pypi/litellm@1.82.6             | pypi  | litellm            | 1.82.7 | false
            pkg:maven/org.bouncycastle/*        | maven | org.bouncycastle:bcprov-jdk18on | 1.82 | true
            pkg:maven/org.bouncycastle/*@1.82   | maven | org.bouncycastle:bcpkix-jdk18on | 1.82 | true
            pkg:maven/org.bouncycastle/*        | maven | org.bouncycastle.extra:bcprov | 1.82 | false
            pkg:maven/org.*/bcprov-jdk18on      | maven | org.bouncycastle:bcprov-jdk18on | 1.82 | true
            """)
    void matches(String pattern, String ecosystem, String name, String version, boolean expected) {
        Component c = switch (ecosystem) {
            case "npm" -> PolicyTesting.npm(name, version).build();
            case "pypi" -> PolicyTesting.pypi(name, version).build();
            default -> PolicyTesting.maven(name, version).build();
        };
        PurlPattern p = PurlPattern.parse(pattern).pattern();
        assertEquals(expected, p.matches(PackageRef.of(c)), pattern + " vs " + c.purl());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            npm/left-pad                | starts with 'pkg:'
            pkg:left-pad                | needs a type and a name
            pkg:NPM!/x                  | is not a purl type
            pkg:npm/left-pad?x=1        | qualifiers
            pkg:npm/@aws-sdk            | an npm scope needs a name
            pkg:npm/a/b/c               | an npm pattern is
            pkg:npm/left-pad@           | must be followed by a version
            pkg:pypi/a/b                | a PyPI pattern is pkg:pypi/NAME
            pkg:maven/org.bouncycastle  | a Maven pattern is
            pkg:npm/                    | empty name
            """)
    void rejects(String pattern, String message) {
        PurlPattern.Parsed parsed = PurlPattern.parse(pattern);
        assertNull(parsed.pattern());
        assertTrue(parsed.error().contains(message), parsed.error());
    }
}
