// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one duration syntax of the policy: a whole number and one unit, {@code 7d}, {@code 36h}, {@code 90m}. */
public final class DurationSyntax {
    private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,6})([dhm])");

    private DurationSyntax() {
    }

    public static Optional<Duration> parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        });
    }

    /** In the policy syntax, one unit, exactly: {@code 7d}, {@code 36h}, {@code 90m}. */
    public static String format(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes > 0 && minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + "d";
        }
        return minutes > 0 && minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    /** A measured age, rounded down for reading: {@code 45m}, {@code 1h 30m}, {@code 10d 3h}. */
    public static String age(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + "h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + "m");
        }
        return hours / 24 + "d" + (hours % 24 == 0 ? "" : " " + hours % 24 + "h");
    }
}
