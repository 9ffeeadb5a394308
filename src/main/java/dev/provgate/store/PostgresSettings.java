// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.fetch.UserConfig;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * What a {@code jdbc:postgresql:} store location connects with, completed the way PostgreSQL's own tools (libpq)
 * complete it: host, port and database from the URL, else {@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}; the
 * user from {@code ?user=}, else {@code PGUSER}, else the login name; the password from {@code PGPASSWORD}, else
 * the pgpass file ({@code PGPASSFILE}, else {@code ~/.pgpass}: lines {@code host:port:database:user:password},
 * {@code *} matching anything, {@code \:} and {@code \\} escapes, the first matching line wins, and the file is
 * ignored when group or others may read it, as libpq does).
 *
 * <p>A password never comes from the command line: a location carrying one ({@code ?password=} or
 * {@code user:password@}) is refused, since it would sit in shell histories, process lists and CI logs. The driver
 * is given the password it should use (empty when there is none), so it never reads a pgpass file by itself.
 *
 * @param url the URL to connect to: {@code jdbc:postgresql://HOST:PORT/DATABASE} plus the location's other options
 * @param properties {@code user} and {@code password} for the driver
 * @param note why no password was found or a pgpass file was ignored, for a failed connection's message
 */
public record PostgresSettings(String url, Properties properties, Optional<String> note) {
    static final String PREFIX = "jdbc:postgresql:";
    private static final String DEFAULT_PORT = "5432";

    /** The settings for {@code location}; a password in it, or a Unix-socket PGHOST, is an input error. */
    public static PostgresSettings resolve(String location, UserConfig user) {
        if (!location.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL location: " + location);
        }
        String rest = location.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String address = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> options = options(q < 0 ? "" : rest.substring(q + 1));
        if (options.containsKey("password") || address.contains("@")) {
            throw new ProvgateException(redacted(location), 0, "a password is never taken from the command line;"
                    + " set PGPASSWORD or put it in a pgpass file (~/.pgpass or PGPASSFILE, mode 0600)");
        }
        String hostPort = "";
        String database = address;
        if (address.startsWith("//")) {
            int slash = address.indexOf('/', 2);
            hostPort = slash < 0 ? address.substring(2) : address.substring(2, slash);
            database = slash < 0 ? "" : address.substring(slash + 1);
        } else if (database.startsWith("/")) {
            database = database.substring(1);
        }
        String host = hostPort.isEmpty() ? user.variable("PGHOST").orElse("localhost") : hostPort;
        if (host.startsWith("/")) {
            throw new ProvgateException("PGHOST is " + host + ", a Unix socket folder; the JDBC driver connects"
                    + " over TCP: set PGHOST to a host name such as localhost, or name the host in --db");
        }
        if (hostPort.isEmpty() && !host.contains(":")) {
            host = host + ":" + user.variable("PGPORT").orElse(DEFAULT_PORT);
        }
        String login = Optional.ofNullable(options.get("user")).or(() -> user.variable("PGUSER"))
                .or(() -> user.variable("USER")).orElse(System.getProperty("user.name"));
        if (database.isEmpty()) {
            database = user.variable("PGDATABASE").orElse(login);
        }
        List<String> notes = new ArrayList<>();
        Optional<String> password = user.variable("PGPASSWORD");
        if (password.isEmpty()) {
            password = pgpass(firstHost(host), firstPort(host), decode(database), login, user, notes);
        }
        if (password.isEmpty() && notes.isEmpty()) {
            notes.add("no password for " + login + "@" + firstHost(host) + ":" + firstPort(host) + "/" + database
                    + " in PGPASSWORD or " + pgpassFile(user));
        }
        Properties properties = new Properties();
        properties.setProperty("user", login);
        properties.setProperty("password", password.orElse(""));
        String url = PREFIX + "//" + host + "/" + database + (q < 0 ? "" : rest.substring(q));
        return new PostgresSettings(url, properties, notes.stream().findFirst());
    }

    /** The location with any password replaced by {@code ***}, for messages. */
    public static String redacted(String location) {
        return location.replaceAll("(?i)([?&]password=)[^&]*", "$1***").replaceAll("(//[^/@:]*):[^/@]*@", "$1:***@");
    }

    private static Map<String, String> options(String query) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                options.put(decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT),
                        eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return options;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String firstHost(String hosts) {
        String first = hosts.split(",")[0];
        int colon = first.lastIndexOf(':');
        return first.startsWith("[") ? first.substring(1, first.indexOf(']')) : colon < 0 ? first
                : first.substring(0, colon);
    }

    private static String firstPort(String hosts) {
        String first = hosts.split(",")[0];
        int colon = first.lastIndexOf(':');
        return colon < 0 || first.endsWith("]") ? DEFAULT_PORT : first.substring(colon + 1);
    }

    /** The password of the first pgpass line matching, if the file exists and only its owner may read it. */
    static Optional<String> pgpass(String host, String port, String database, String login, UserConfig user,
            List<String> notes) {
        Path file = pgpassFile(user);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                notes.add(file + " was ignored: group or others may read it (chmod 600 " + file + ")");
                return Optional.empty();
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): libpq does not check the mode there either.
        } catch (IOException e) {
            notes.add(file + " was ignored: " + e.getMessage());
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            notes.add(file + " was ignored: " + e.getMessage());
            return Optional.empty();
        }
        String[] wanted = {host, port, database, login};
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() >= 5 && matches(fields, wanted)) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    private static Path pgpassFile(UserConfig user) {
        return user.variable("PGPASSFILE").map(Path::of).orElse(user.home().resolve(".pgpass"));
    }

    private static boolean matches(List<String> fields, String[] wanted) {
        for (int i = 0; i < wanted.length; i++) {
            String f = fields.get(i);
            if (!f.equals("*") && !f.equals(wanted[i])) {
                return false;
            }
        }
        return true;
    }

    /** Splits a pgpass line at unescaped colons; the fifth field (the password) takes the rest of the line. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
