package io.jenkins.plugins.dockerci.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's ping is asked once per client; an answer other than 200 OK is asked again. */
class EngineTransportTest {

    private final List<String> asked = new ArrayList<>();

    @Test
    void thePingsHeadersAreAskedOnceAndKept() {
        EngineTransport transport = new EngineTransport(engine(200, 200), DockerEndpoint.of(DockerEndpoint.DEFAULT_HOST));

        EnginePing first = transport.ping();
        EnginePing second = transport.ping();

        assertThat(asked).containsExactly("GET /_ping");
        assertThat(second).isSameAs(first);
        assertThat(first).isEqualTo(new EnginePing(200, "1.41", "linux", "2"));
    }

    @Test
    void anAnswerOtherThanOkIsNotKept() {
        EngineTransport transport = new EngineTransport(engine(503, 200), DockerEndpoint.of(DockerEndpoint.DEFAULT_HOST));

        assertThat(transport.ping().answered()).isFalse();
        assertThat(transport.ping().answered()).isTrue();
        assertThat(transport.ping().answered()).isTrue();

        assertThat(asked).containsExactly("GET /_ping", "GET /_ping");
    }

    /** Answers pings with these statuses in turn, with a Docker 20.10 engine's headers. */
    private DockerHttpClient engine(int... statuses) {
        return new DockerHttpClient() {
            @Override
            public Response execute(Request request) {
                int status = statuses[asked.size()];
                asked.add(request.method() + " " + request.path());
                return new Response() {
                    @Override
                    public int getStatusCode() {
                        return status;
                    }

                    @Override
                    public Map<String, List<String>> getHeaders() {
                        return Map.of("Api-Version", List.of("1.41"), "Ostype", List.of("linux"), "Builder-Version", List.of("2"));
                    }

                    @Override
                    public InputStream getBody() {
                        return InputStream.nullInputStream();
                    }

                    @Override
                    public void close() {
                        // nothing held
                    }
                };
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
