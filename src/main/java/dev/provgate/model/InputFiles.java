// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads an input file whole, refusing what could hang or exhaust memory: anything but a regular file (a FIFO would
 * block forever, {@code /dev/zero} never ends) and more bytes than the limit, checked before reading and again
 * while reading (a file may grow, and {@code /proc} files report no size).
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * The file's bytes.
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist, so callers keep their own wording for that
     * @throws ProvgateException                  when it is not a regular file or larger than {@code maxBytes}
     */
    public static byte[] read(Path file, String shown, long maxBytes) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new ProvgateException(shown, 0, attributes.isDirectory() ? "is a directory, not a file"
                    : "not a regular file (a pipe, socket or device): not read");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(shown, attributes.size() + " bytes", maxBytes);
        }
        int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(cap);
            if (in.read() >= 0) {
                throw tooLarge(shown, "more than " + cap + " bytes", maxBytes);
            }
            return bytes;
        }
    }

    private static ProvgateException tooLarge(String shown, String size, long maxBytes) {
        return new ProvgateException(shown, 0, "file is " + size + ", over the limit of " + maxBytes);
    }
}
