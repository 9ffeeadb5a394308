// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

/**
 * A record as the database keeps it: its facts, and where its original bytes are in the database's pack file.
 *
 * @param record     the facts
 * @param packOffset offset of the original file's bytes in {@code records.pack}
 * @param packLength their length; 0 when the original is not kept (the built-in snapshot)
 */
public record StoredRecord(OsvRecord record, long packOffset, int packLength) {
}
