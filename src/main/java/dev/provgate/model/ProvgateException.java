// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/**
 * A user mistake or bad input: shown as one line {@code FILE:LINE: message}, exit code 2. Bugs are other exceptions.
 */
public class ProvgateException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;

    public ProvgateException(String file, int line, String message) {
        this(file, line, message, null);
    }

    public ProvgateException(String file, int line, String message, Throwable cause) {
        super(message, cause);
        this.file = file == null ? "" : file;
        this.line = line;
    }

    /** A mistake that belongs to no file (a bad option combination, say). */
    public ProvgateException(String message) {
        this("", 0, message, null);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /**
     * The one line the CLI prints after {@code provgate: }. Messages quote values from hostile input, so control
     * characters are escaped here, once for every error: one line stays one line.
     */
    public String userMessage() {
        if (file.isEmpty()) {
            return Printable.escape(getMessage());
        }
        return Printable.escape((line > 0 ? file + ":" + line : file) + ": " + getMessage());
    }
}
