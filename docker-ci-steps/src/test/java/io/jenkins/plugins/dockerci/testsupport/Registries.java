package io.jenkins.plugins.dockerci.testsupport;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The test registries as a Jenkins admin configures them, and what they serve, asked over their HTTP API. */
public final class Registries {

    private static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";
    private static final TestEnvironment ENV = TestEnvironment.current();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Registries() {
    }

    /** {@code host:port} of the registry that needs a login. */
    public static String auth() {
        return ENV.authRegistry();
    }

    /** The password of the auth registry (it must never show in a log or a build file). */
    public static String password() {
        return ENV.authRegistryPassword();
    }

    /** {@code user:password} in base64, as an HTTP basic authorization header carries it. */
    public static String basicToken() {
        return Base64.getEncoder().encodeToString((ENV.authRegistryUser() + ":" + ENV.authRegistryPassword())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Stores the auth registry's login as a global username/password credential with this id. */
    public static void addCredentials(String id) throws Exception {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, id, "test registry login",
                ENV.authRegistryUser(), ENV.authRegistryPassword()));
        store.save();
    }

    /** The digest the auth registry serves for {@code repository:tag} ({@code repository} without the host), if any. */
    public static Optional<String> digest(String repository, String tag) throws IOException, InterruptedException {
        HttpResponse<Void> response = HTTP.send(request(repository, tag).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200 ? response.headers().firstValue("Docker-Content-Digest") : Optional.empty();
    }

    /** Deletes {@code repository:tag} from the auth registry, if it is there. */
    public static void delete(String repository, String tag) throws IOException, InterruptedException {
        Optional<String> digest = digest(repository, tag);
        if (digest.isPresent()) {
            HTTP.send(request(repository, digest.get()).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static HttpRequest.Builder request(String repository, String reference) {
        return HttpRequest.newBuilder(URI.create("http://" + auth() + "/v2/" + repository + "/manifests/" + reference))
                .header("Authorization", "Basic " + basicToken())
                .header("Accept", MANIFEST_V2);
    }
}
