package io.jenkins.plugins.dockerci.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerIdStoreTest {

    @TempDir
    Path home;

    @Test
    void createsAValidIdOnceAndKeepsItAcrossRestarts() throws IOException {
        Path file = home.resolve(JenkinsIdentity.OWNER_ID_FILE);
        String first = new OwnerIdStore(file).ownerId();

        assertThat(first).matches("jenkins-[0-9a-f]{20}");
        assertThat(new OwnerIdStore(file).ownerId()).isEqualTo(first);
        assertThat(Files.readString(file).trim()).isEqualTo(first);
    }

    @Test
    void differentInstancesGetDifferentIds() throws IOException {
        assertThat(new OwnerIdStore(home.resolve("a")).ownerId()).isNotEqualTo(new OwnerIdStore(home.resolve("b")).ownerId());
    }

    @Test
    void concurrentFirstCallsAgreeOnOneIdAndLeaveNoTemporaryFiles() throws Exception {
        Path file = home.resolve("owner");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> new OwnerIdStore(file).ownerId());
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(home)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aCorruptedFileIsReportedWithWhatToDo() throws IOException {
        Path file = home.resolve("owner");
        Files.writeString(file, "not valid!\n");

        assertThatThrownBy(() -> new OwnerIdStore(file).ownerId()).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("Delete the file");
    }
}
