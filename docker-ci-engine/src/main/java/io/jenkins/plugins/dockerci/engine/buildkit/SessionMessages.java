package io.jenkins.plugins.dockerci.engine.buildkit;

/**
 * The messages of the session services this client serves, with moby/buildkit's field numbers (see
 * {@code src/main/proto/buildkit-session.proto}): health, registry credentials, build secrets.
 */
final class SessionMessages {

    /** {@code grpc.health.v1.HealthCheckResponse.status}. */
    static final int HEALTH_RESPONSE_STATUS = 1;
    /** {@code grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING}. */
    static final int SERVING = 1;
    /** {@code moby.filesync.v1.CredentialsRequest.Host}. */
    static final int CREDENTIALS_REQUEST_HOST = 1;
    /** {@code moby.filesync.v1.CredentialsResponse.Username}. */
    static final int CREDENTIALS_RESPONSE_USERNAME = 1;
    /** {@code moby.filesync.v1.CredentialsResponse.Secret}. */
    static final int CREDENTIALS_RESPONSE_SECRET = 2;
    /** {@code moby.buildkit.secrets.v1.GetSecretRequest.ID}. */
    static final int SECRET_REQUEST_ID = 1;
    /** {@code moby.buildkit.secrets.v1.GetSecretResponse.data}. */
    static final int SECRET_RESPONSE_DATA = 1;

    private SessionMessages() {
    }

    static byte[] healthServing() {
        return new ProtoWriter().varint(HEALTH_RESPONSE_STATUS, SERVING).toByteArray();
    }

    /** The registry host of a {@code CredentialsRequest}, e.g. {@code 127.0.0.1:5001} or {@code registry-1.docker.io}. */
    static String credentialsHost(byte[] request) {
        return stringField(request, CREDENTIALS_REQUEST_HOST);
    }

    /** A {@code CredentialsResponse}; an identity token goes in the secret with an empty username, as the docker CLI sends it. */
    static byte[] credentialsResponse(String username, String secret) {
        return new ProtoWriter().string(CREDENTIALS_RESPONSE_USERNAME, username)
                .string(CREDENTIALS_RESPONSE_SECRET, secret).toByteArray();
    }

    /** The secret id of a {@code GetSecretRequest}. */
    static String secretId(byte[] request) {
        return stringField(request, SECRET_REQUEST_ID);
    }

    static byte[] secretResponse(byte[] data) {
        return new ProtoWriter().bytes(SECRET_RESPONSE_DATA, data).toByteArray();
    }

    private static String stringField(byte[] message, int field) {
        ProtoReader reader = new ProtoReader(message);
        String value = "";
        while (reader.next()) {
            if (reader.field() == field) {
                value = reader.string();
            } else {
                reader.skip();
            }
        }
        return value;
    }
}
