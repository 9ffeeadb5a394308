// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.ProvgateException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The in-toto statement inside a DSSE envelope: what it is about (subjects with digests) and what it says.
 *
 * @param predicateType the predicate type URI
 * @param subjects      the subjects in order
 * @param predicate     the predicate object (empty when null)
 */
record InTotoStatement(String predicateType, List<Subject> subjects, JsonObject predicate) {
    record Subject(String name, Map<String, String> digests) {
        /** True when this subject records the artifact digest (compared as bytes, not strings). */
        boolean covers(ArtifactDigest digest) {
            for (Map.Entry<String, String> d : digests.entrySet()) {
                Optional<HashAlgorithm> alg = HashAlgorithm.parse(d.getKey());
                if (alg.isPresent() && LogEntryBodies.isHex(d.getValue())
                        && digest.matches(alg.get(), HexFormat.of().parseHex(d.getValue()))) {
                    return true;
                }
            }
            return false;
        }
    }

    static InTotoStatement parse(byte[] payload) throws VerificationFailure {
        JsonObject doc;
        try {
            doc = JsonDocs.parseObject("DSSE payload", payload);
        } catch (ProvgateException e) {
            throw VerificationFailure.failed("DSSE payload is not an in-toto statement: " + e.getMessage());
        }
        List<Subject> subjects = new ArrayList<>();
        for (JsonElement e : JsonDocs.array(doc, "subject")) {
            JsonObject s = e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
            Map<String, String> digests = new TreeMap<>();
            JsonDocs.object(s, "digest").entrySet().forEach(d -> digests.put(d.getKey(),
                    d.getValue().isJsonPrimitive() ? d.getValue().getAsString() : ""));
            subjects.add(new Subject(JsonDocs.string(s, "name"), digests));
        }
        return new InTotoStatement(JsonDocs.string(doc, "predicateType"), List.copyOf(subjects),
                JsonDocs.object(doc, "predicate"));
    }

    boolean anySubjectCovers(ArtifactDigest digest) {
        return subjects.stream().anyMatch(s -> s.covers(digest));
    }
}
