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

    /** The largest whole unit that fits: {@code 7d}, {@code 36h}, {@code 90m}; mixed ages as {@code 2d 5h}. */
    public static String format(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes % (24 * 60) == 0 && minutes > 0) {
            return minutes / (24 * 60) + "d";
        }
        if (minutes % 60 == 0 && minutes > 0) {
            return minutes / 60 + "h";
        }
        if (minutes < 60) {
            return minutes + "m";
        }
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        return days > 0 ? days + "d " + hours + "h" : hours + "h " + minutes % 60 + "m";
    }
}
