package io.jenkins.plugins.dockerci.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * What an admin does with Jenkins over plain HTTP (the REST API, {@code curl}-style): logged in with user and password,
 * with the CSRF crumb on every POST (crumbs belong to the web session, so the session cookie is kept).
 */
public final class JenkinsHttp {

    /** A finished build. */
    public record Build(String job, int number, String result) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);

    private final URI base;
    private final String authorization;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();
    private String crumbField;
    private String crumb;

    public JenkinsHttp(URI base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code GET path} as the admin; fails unless the answer is 200. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path).GET());
        expect(response, 200);
        return response.body();
    }

    /** The Jenkins version, from the {@code X-Jenkins} header every answer carries. */
    public String version() throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("api/json").GET());
        expect(response, 200);
        return response.headers().firstValue("X-Jenkins").orElseThrow(() -> new IOException("no X-Jenkins header"));
    }

    /** {@code GET path} without logging in: the status code. */
    public int anonymousStatus(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** {@code GET path} (a {@code /api/json} URL) as JSON. */
    public JsonNode json(String path) throws IOException, InterruptedException {
        return json.readTree(get(path));
    }

    /** Creates a job from its {@code config.xml} ({@code POST /createItem?name=...}). */
    public void createJob(String name, String configXml) throws IOException, InterruptedException {
        expect(postXml("createItem?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), configXml), 200);
    }

    /** Adds a credential, given as its XML, to the global domain of the system store. */
    public void createSystemCredential(String credentialXml) throws IOException, InterruptedException {
        expect(postXml("credentials/store/system/domain/_/createCredentials", credentialXml), 200);
    }

    /** Schedules a build ({@code POST /job/NAME/build}) and returns the queue item's API path. */
    public String schedule(String job) throws IOException, InterruptedException {
        HttpResponse<String> response = send(withCrumb(request(jobPath(job) + "build")).POST(HttpRequest.BodyPublishers.noBody()));
        expect(response, 201);
        String queueItem = response.headers().firstValue("Location")
                .orElseThrow(() -> new IOException("POST build of " + job + " answered without a Location header"));
        return base.relativize(URI.create(queueItem)) + "api/json";
    }

    /** Waits until the scheduled build has left the queue, ran and finished. */
    public Build awaitResult(String job, String queueItem, Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        JsonNode executable = json(queueItem).path("executable");
        while (!executable.has("number")) {
            checkDeadline(deadline, job + " did not leave the queue");
            Thread.sleep(POLL.toMillis());
            executable = json(queueItem).path("executable");
        }
        int number = executable.get("number").asInt();
        String buildApi = jobPath(job) + number + "/api/json?tree=building,result";
        JsonNode build = json(buildApi);
        while (build.path("building").asBoolean(true) || build.path("result").isNull()) {
            checkDeadline(deadline, job + " #" + number + " did not finish");
            Thread.sleep(POLL.toMillis());
            build = json(buildApi);
        }
        return new Build(job, number, build.get("result").asText());
    }

    /**
     * The whole console log of a build, as {@code /consoleText} serves it. A finished build's last line ("Finished: …")
     * may reach the log a moment after the API says the build is over, so this waits for it, up to half a minute.
     */
    public String consoleText(Build build) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String text = get(jobPath(build.job()) + build.number() + "/consoleText");
        while (!text.contains("\nFinished: ") && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            text = get(jobPath(build.job()) + build.number() + "/consoleText");
        }
        return text;
    }

    private static void checkDeadline(Instant deadline, String what) {
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException(what + " in time");
        }
    }

    private static String jobPath(String job) {
        return "job/" + URLEncoder.encode(job, StandardCharsets.UTF_8) + "/";
    }

    private HttpResponse<String> postXml(String path, String xml) throws IOException, InterruptedException {
        return send(withCrumb(request(path)).header("Content-Type", "application/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).header("Authorization", authorization);
    }

    private HttpRequest.Builder withCrumb(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (crumb == null) {
            JsonNode issued = json("crumbIssuer/api/json");
            crumbField = issued.get("crumbRequestField").asText();
            crumb = issued.get("crumb").asText();
        }
        return request.header(crumbField, crumb);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            String body = response.body();
            throw new IOException(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
                    + " instead of " + status + ": " + body.substring(0, Math.min(body.length(), 2000)));
        }
    }
}
