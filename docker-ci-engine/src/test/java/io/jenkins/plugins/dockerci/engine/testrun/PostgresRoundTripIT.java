package io.jenkins.plugins.dockerci.engine.testrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink.Kind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import io.jenkins.plugins.dockerci.engine.services.wait.Wait;
import io.jenkins.plugins.dockerci.engine.services.wait.WaitStrategy;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real thing: a PostgreSQL service and a psql client in the test container, configured through a template. */
class PostgresRoundTripIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    static Stream<Arguments> readiness() {
        return Stream.of(
                Arguments.of("log message", Wait.forLogMessage("database system is ready to accept connections")),
                Arguments.of("pg_isready", Wait.forCommand("pg_isready", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres")));
    }

    @ParameterizedTest(name = "ready by {0}")
    @MethodSource("readiness")
    void theTestContainerCreatesInsertsAndSelectsThroughDatabaseUrl(String how, WaitStrategy readiness) {
        ServiceSpec db = ServiceSpec.builder("db", TestImages.POSTGRES).expose(5432).env("POSTGRES_DB", "postgres")
                .waitingFor(readiness).build();
        String sql = "create table greeting(id int primary key, text varchar(40));"
                + " insert into greeting values (1, 'round trip through ' || current_database());"
                + " select text from greeting where id = 1;";
        RecordingSink log = new RecordingSink();
        TestOutcome outcome = new TestRunner(new EngineContext(DOCKER.client(), DOCKER.newRun(), ResourceTracker.NONE)).run(
                TestRequest.builder(TestImages.POSTGRES).service(db)
                        .env("DATABASE_URL", "postgresql://postgres@${db.host}:${db.port.5432}/${db.env.POSTGRES_DB}")
                        .command(ContainerCommand.shell("psql \"$DATABASE_URL\" --no-psqlrc -v ON_ERROR_STOP=1 -tA <<'SQL'\n" + sql + "\nSQL"))
                        .build(), log);
        assertThat(outcome.exitCode()).as("psql exit code; stderr: %s", log.texts(Kind.STDERR)).hasValue(0);
        assertThat(log.texts(Kind.STDOUT)).contains("round trip through postgres");
        assertThat(outcome.timeToReady()).containsKey("db");
    }
}
