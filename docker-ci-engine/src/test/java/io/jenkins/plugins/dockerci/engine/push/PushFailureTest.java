package io.jenkins.plugins.dockerci.engine.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PushFailureTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "no basic auth credentials | true | CREDENTIALS_MISSING",
        "unauthorized: authentication required | true | CREDENTIALS_REJECTED",
        "unauthorized: authentication required | false | CREDENTIALS_MISSING",
        "denied: requested access to the resource is denied | true | ACCESS_DENIED",
        "Get \"http://127.0.0.1:5999/v2/\": dial tcp 127.0.0.1:5999: connect: connection refused | false | REGISTRY_UNREACHABLE",
        "Get \"https://nope.invalid/v2/\": dial tcp: lookup nope.invalid: no such host | false | REGISTRY_UNREACHABLE",
        "Get \"https://127.0.0.1:5000/v2/\": http: server gave HTTP response to HTTPS client | false | REGISTRY_TLS",
        "blob unknown: blob unknown to registry | true | BLOB_UNKNOWN",
        "read tcp 127.0.0.1:40000->127.0.0.1:5000: read: connection reset by peer | false | TRANSIENT",
        "Patch \"http://127.0.0.1:5000/v2/x/blobs/uploads/1\": EOF | false | TRANSIENT",
        "received unexpected HTTP status: 503 Service Unavailable | false | TRANSIENT",
        "received unexpected HTTP status: 502 Bad Gateway | false | TRANSIENT",
        "tag does not exist: 127.0.0.1:5000/x:nope | false | OTHER",
        "manifest invalid: sha256:5010401403aa | false | OTHER",
    })
    void recognisesTheRegistrysWords(String words, boolean credentialsGiven, PushFailure expected) {
        assertThat(PushFailure.classify(words, credentialsGiven)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"TRANSIENT, true", "CREDENTIALS_REJECTED, false", "CREDENTIALS_MISSING, false", "REGISTRY_UNREACHABLE, false", "TIMEOUT, false"})
    void onlyTransientFailuresAreRetried(PushFailure failure, boolean retryable) {
        assertThat(failure.retryable()).isEqualTo(retryable);
    }
}
