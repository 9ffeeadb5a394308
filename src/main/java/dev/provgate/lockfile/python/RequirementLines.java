// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The logical lines of a requirements file, the way pip reads them: a line ending in a backslash continues on the
 * next one (a comment line ends the continuation), and {@code #} at the start or after white space starts a
 * comment. Each logical line keeps the physical line of every part, so errors point at the right line.
 */
final class RequirementLines {
    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*#.*");

    /** One logical line: its text (comments removed, stripped) and where each physical part begins. */
    record Logical(String text, int line, int[] partOffsets, int[] partLines) {
        /** The physical line of the character at {@code offset} of {@link #text()}. */
        int lineAt(int offset) {
            int result = line;
            for (int i = 0; i < partOffsets.length && partOffsets[i] <= offset; i++) {
                result = partLines[i];
            }
            return result;
        }
    }

    private RequirementLines() {
    }

    static List<Logical> split(String text) {
        String[] physical = text.split("\r?\n", -1);
        List<Logical> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        List<int[]> parts = new ArrayList<>();
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            boolean continues = line.endsWith("\\") && !COMMENT_LINE.matcher(line).matches();
            parts.add(new int[] {current.length(), i + 1});
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues || i == physical.length - 1) {
                add(out, current, parts);
                current.setLength(0);
                parts.clear();
            }
        }
        return out;
    }

    private static void add(List<Logical> out, StringBuilder joined, List<int[]> parts) {
        String withoutComment = COMMENT.matcher(joined).replaceFirst("");
        int lead = 0;
        while (lead < withoutComment.length() && Character.isWhitespace(withoutComment.charAt(lead))) {
            lead++;
        }
        String text = withoutComment.strip();
        if (text.isEmpty()) {
            return;
        }
        int[] offsets = new int[parts.size()];
        int[] lines = new int[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            offsets[i] = parts.get(i)[0] - lead;
            lines[i] = parts.get(i)[1];
        }
        int first = 0;
        while (first + 1 < offsets.length && offsets[first + 1] <= 0) {
            first++;
        }
        out.add(new Logical(text, lines[first], offsets, lines));
    }
}
