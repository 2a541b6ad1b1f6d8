/*
 * Compile-only stub of jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/domains/URIRequirementBuilder.java at tag 1511.v2e3cb_0008ef0.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package com.cloudbees.plugins.credentials.domains;

import java.util.List;

public class URIRequirementBuilder {

    private URIRequirementBuilder(List<DomainRequirement> requirements) {
    }

    public static URIRequirementBuilder fromUri(String uri) {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public List<DomainRequirement> build() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
