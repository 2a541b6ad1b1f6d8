package io.jenkins.plugins.dockerci.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryFailureTest {

    // the words are those the engine (20.10) answered pulls and builds with against the test registries
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Head \"http://127.0.0.1:5001/v2/p/busybox/manifests/1\": no basic auth credentials | false | CREDENTIALS_MISSING",
        "unauthorized: authentication required | true | CREDENTIALS_REJECTED",
        "unauthorized: authentication required | false | CREDENTIALS_MISSING",
        "denied: requested access to the resource is denied | true | ACCESS_DENIED",
        "denied: requested access to the resource is denied | false | CREDENTIALS_MISSING",
        "pull access denied for team/app, repository does not exist or may require 'docker login' | false | NOT_FOUND_OR_PRIVATE",
        "pull access denied for team/app, repository does not exist or may require 'docker login' | true | ACCESS_DENIED",
        "manifest for 127.0.0.1:5000/p/none:1 not found: manifest unknown: manifest unknown | false | NOT_FOUND",
        "manifest for 127.0.0.1:5001/p/busybox:2 not found: manifest unknown: manifest unknown | true | NOT_FOUND",
        "Get \"http://127.0.0.1:5009/v2/\": dial tcp 127.0.0.1:5009: connect: connection refused | false | REGISTRY_UNREACHABLE",
        "Get \"https://nope.invalid/v2/\": dial tcp: lookup nope.invalid on 10.0.0.53:53: no such host | false | REGISTRY_UNREACHABLE",
        "Get \"https://127.0.0.1:5000/v2/\": http: server gave HTTP response to HTTPS client | false | REGISTRY_TLS",
        "Get \"https://r.example.com/v2/\": x509: certificate signed by unknown authority | false | REGISTRY_TLS",
        "write /var/lib/docker/tmp/x: no space left on device | false | OTHER",
    })
    void recognisesTheEnginesWords(String words, boolean credentialsGiven, RegistryFailure expected) {
        assertThat(RegistryFailure.classify(words, credentialsGiven)).isEqualTo(expected);
    }
}
