// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.provgate.model.BuildFacts;

/**
 * How a release was built, as a SLSA provenance predicate says it: the workflow file and ref, the event that
 * triggered it, the builder and the source commit. Valid provenance from a hijacked pipeline (a
 * {@code pull_request_target} workflow, another workflow file, another builder) is told apart by these, not by the
 * signature. v1 ({@code buildDefinition}/{@code runDetails}) and v0.2 ({@code invocation}/{@code builder}, as npm
 * wrote it until 2023).
 */
public final class SlsaPredicate {
    private SlsaPredicate() {
    }

    public static BuildFacts facts(String predicateType, JsonObject predicate) {
        if (NpmAttestationVerifier.SLSA_V1.equals(predicateType)) {
            return v1(predicate);
        }
        if (NpmAttestationVerifier.SLSA_V02.equals(predicateType)) {
            return v02(predicate);
        }
        return BuildFacts.NONE;
    }

    private static BuildFacts v1(JsonObject p) {
        JsonObject definition = JsonDocs.object(p, "buildDefinition");
        JsonObject workflow = JsonDocs.object(JsonDocs.object(definition, "externalParameters"), "workflow");
        JsonObject github = JsonDocs.object(JsonDocs.object(definition, "internalParameters"), "github");
        String commit = "";
        for (JsonElement d : JsonDocs.array(definition, "resolvedDependencies")) {
            if (d.isJsonObject() && commit.isEmpty()) {
                commit = JsonDocs.string(JsonDocs.object(d.getAsJsonObject(), "digest"), "gitCommit");
            }
        }
        return new BuildFacts(JsonDocs.string(workflow, "path"), JsonDocs.string(workflow, "ref"),
                JsonDocs.string(github, "event_name"),
                JsonDocs.string(JsonDocs.object(JsonDocs.object(p, "runDetails"), "builder"), "id"), commit);
    }

    /** npm's v0.2: {@code entryPoint} is {@code owner/repo/PATH@REF}, the environment holds the GitHub variables. */
    private static BuildFacts v02(JsonObject p) {
        JsonObject invocation = JsonDocs.object(p, "invocation");
        JsonObject source = JsonDocs.object(invocation, "configSource");
        JsonObject environment = JsonDocs.object(invocation, "environment");
        String entryPoint = JsonDocs.string(source, "entryPoint");
        int at = entryPoint.lastIndexOf('@');
        String path = at < 0 ? entryPoint : entryPoint.substring(0, at);
        int workflows = path.indexOf(".github/workflows/");
        String ref = at < 0 ? JsonDocs.string(environment, "GITHUB_REF") : entryPoint.substring(at + 1);
        return new BuildFacts(workflows < 0 ? path : path.substring(workflows), ref,
                JsonDocs.string(environment, "GITHUB_EVENT_NAME"),
                JsonDocs.string(JsonDocs.object(p, "builder"), "id"),
                JsonDocs.string(JsonDocs.object(source, "digest"), "sha1"));
    }
}
