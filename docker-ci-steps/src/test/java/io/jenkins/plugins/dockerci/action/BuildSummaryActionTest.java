package io.jenkins.plugins.dockerci.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.dockerci.params.BuildOutcome;
import io.jenkins.plugins.dockerci.params.PushOutcome;
import io.jenkins.plugins.dockerci.params.ServiceSettings;
import io.jenkins.plugins.dockerci.params.TestSettings;
import io.jenkins.plugins.dockerci.params.TestSummary;
import io.jenkins.plugins.dockerci.testsupport.TestRun;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildSummaryActionTest {

    private static final String ID = "sha256:" + "0123456789ab".repeat(5) + "cdef";

    @TempDir
    Path dir;

    private TestRun run() throws IOException {
        return new TestRun("folder/app", 3, dir.toFile());
    }

    private static BuildSummaryAction filled(TestRun run) {
        BuildSummaryAction action = BuildSummaryAction.of(run);
        action.add(new ImageRecord(ID, List.of("app:3"), Duration.ofMillis(1500)));
        action.add(new TestRecord("app:3", TestRecord.Ending.EXITED, 0, Duration.ofSeconds(75),
                List.of(new ServiceRecord("db", "postgres:15", Duration.ofMillis(1800)))));
        action.add(List.of(new PushRecord("127.0.0.1:5000/team/app:3", "sha256:" + "f".repeat(64))));
        action.add(new CleanupRecord(4, 1, 0, List.of("network n: in use"), Duration.ofMillis(300)));
        return action;
    }

    @Test
    void oneActionPerBuildCollectsEveryStepAndSavesTheBuild() throws IOException {
        TestRun run = run();

        BuildSummaryAction action = filled(run);

        assertThat(BuildSummaryAction.of(run)).isSameAs(action);
        assertThat(run.saves()).isEqualTo(4);
        assertThat(action.isEmpty()).isFalse();
        assertThat(action.getImages()).singleElement().satisfies(image -> {
            assertThat(image.getShortId()).isEqualTo("0123456789ab");
            assertThat(image.getTags()).containsExactly("app:3");
            assertThat(image.getDurationText()).isEqualTo("1.5 s");
        });
        assertThat(action.getTests()).singleElement().satisfies(test -> {
            assertThat(test.getOutcomeText()).isEqualTo("passed (exit code 0)");
            assertThat(test.getDurationText()).isEqualTo("1 min 15 s");
            assertThat(test.getServices()).singleElement().satisfies(service ->
                    assertThat(service.getTimeToReadyText()).isEqualTo("1.8 s"));
        });
        assertThat(action.getPushes()).singleElement().satisfies(push ->
                assertThat(push.getPinned()).isEqualTo("127.0.0.1:5000/team/app@sha256:" + "f".repeat(64)));
        assertThat(action.getCleanups()).singleElement().satisfies(cleanup -> {
            assertThat(cleanup.isClean()).isFalse();
            assertThat(cleanup.getFailures()).containsExactly("network n: in use");
        });
    }

    @Test
    void testOutcomesReadAsPeopleSayThem() {
        assertThat(new TestRecord("i", TestRecord.Ending.EXITED, 3, Duration.ZERO, List.of()).getOutcomeText())
                .isEqualTo("failed (exit code 3)");
        assertThat(new TestRecord("i", TestRecord.Ending.TIMED_OUT, null, Duration.ZERO, List.of()).getOutcomeText())
                .isEqualTo("timed out");
        assertThat(new TestRecord("i", TestRecord.Ending.INTERRUPTED, null, Duration.ZERO, List.of()).getOutcomeText())
                .isEqualTo("aborted");
        assertThat(new PushRecord("app", "sha256:1").getPinned()).isEqualTo("app@sha256:1");
    }

    @Test
    void stepOutcomesBecomeRecordsAlike() {
        ServiceSettings db = new ServiceSettings("db", "postgres:15", List.of(), null, null, null, null, 60_000, null);
        ServiceSettings cache = new ServiceSettings("cache", "redis:7", List.of(), null, null, null, null, 60_000, null);
        TestSettings settings = TestSettings.builder("app:3").services(List.of(db, cache)).build();

        TestRecord test = TestRecord.of(settings, new TestSummary(false, 2, 4000, Map.of("db", 1800L), List.of(), List.of()));

        assertThat(test.getImage()).isEqualTo("app:3");
        assertThat(test.getOutcomeText()).isEqualTo("failed (exit code 2)");
        assertThat(test.getServices()).extracting(ServiceRecord::getName, ServiceRecord::getTimeToReadyText)
                .containsExactly(tuple("db", "1.8 s"), tuple("cache", "0 ms"));
        assertThat(TestRecord.of(settings, new TestSummary(true, null, 4000, Map.of(), List.of(), List.of())).getEnding())
                .isEqualTo(TestRecord.Ending.TIMED_OUT);
        assertThat(TestRecord.interrupted("app:3", Duration.ofSeconds(2)).getOutcomeText()).isEqualTo("aborted");
        assertThat(ImageRecord.of(new BuildOutcome(ID, List.of("app:3"), 1500)).getDurationText()).isEqualTo("1.5 s");
        assertThat(PushRecord.listOf(new PushOutcome(ID, List.of(new PushOutcome.Pushed("r/app:1", "sha256:a"),
                new PushOutcome.Pushed("r/app:latest", "sha256:a")))))
                .extracting(PushRecord::getPinned).containsExactly("r/app@sha256:a", "r/app@sha256:a");
    }

    @Test
    void anEmptyActionShowsNoSummary() {
        assertThat(new BuildSummaryAction().isEmpty()).isTrue();
    }

    @Test
    void whatBuildXmlStoresIsPlainValuesOfThisPlugin() throws Exception {
        List<String> problems = new ArrayList<>();
        checkStored(filled(run()), "action", problems);

        assertThat(problems).isEmpty();
    }

    @Test
    void everyPropertyTheSummaryViewShowsExists() throws IOException {
        Map<String, Class<?>> variables = Map.of("it", BuildSummaryAction.class, "image", ImageRecord.class,
                "test", TestRecord.class, "service", ServiceRecord.class, "push", PushRecord.class, "cleanup", CleanupRecord.class);
        String view = resource("details.jelly") + resource("summary.jelly");
        Matcher m = Pattern.compile("\\b(it|image|test|service|push|cleanup)\\.(\\w+)").matcher(view);
        List<String> missing = new ArrayList<>();
        int seen = 0;
        while (m.find()) {
            seen++;
            Class<?> type = variables.get(m.group(1));
            String property = m.group(2);
            if (!hasProperty(type, property)) {
                missing.add(m.group());
            }
        }

        assertThat(seen).as("the view uses the records").isGreaterThan(15);
        assertThat(missing).isEmpty();
    }

    private static boolean hasProperty(Class<?> type, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : List.of("get" + suffix, "is" + suffix, property)) {
            try {
                type.getMethod(name);
                return true;
            } catch (NoSuchMethodException e) {
                // next spelling
            }
        }
        return false;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BuildSummaryAction.class.getResourceAsStream("BuildSummaryAction/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** XStream writes every non-transient field; Jenkins' class filter and XStream must be able to restore each. */
    private static void checkStored(Object value, String path, List<String> problems) throws IllegalAccessException {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean || value.getClass().isEnum()) {
            return;
        }
        if (value instanceof ArrayList<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkStored(list.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (!type.getPackageName().equals(BuildSummaryAction.class.getPackageName()) || type.isRecord()) {
            problems.add(path + " is a " + type.getName());
            return;
        }
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            Object fieldValue = field.get(value);
            if (field.getType().isPrimitive()) {
                continue;
            }
            checkStored(fieldValue, path + "." + field.getName(), problems);
        }
    }
}
