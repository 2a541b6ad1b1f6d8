package io.jenkins.plugins.dockerci.engine.testrun;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.services.OneLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Copies paths out of a (stopped) container by streaming the engine's tar archive into a host directory. */
final class ReportCopier {

    private final DockerClient docker;
    private final LogSink log;

    ReportCopier(DockerClient docker, LogSink log) {
        this.docker = docker;
        this.log = log;
    }

    /** The result of copying: the host paths written, and what went wrong. */
    record Copied(List<Path> reports, List<String> problems) {
    }

    Copied copy(String containerId, List<String> containerPaths, Path targetDir) {
        List<Path> reports = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String path : containerPaths) {
            try (InputStream tar = docker.copyArchiveFromContainerCmd(containerId, path).exec()) {
                ReportArchive archive = new ReportArchive(targetDir);
                archive.extract(tar).forEach(r -> problems.add("report " + path + ": rejected entry " + r));
                Path name = Path.of(path).getFileName();
                reports.add(name == null ? targetDir : targetDir.resolve(name.toString()));
                log.info("Copied report " + path + " to " + targetDir);
            } catch (NotFoundException e) {
                problems.add("report " + path + " does not exist in the test container");
            } catch (IOException | RuntimeException e) {
                problems.add("report " + path + " could not be copied: " + OneLine.of(e.getMessage()));
            }
        }
        problems.forEach(p -> log.warn("Reports: " + p));
        return new Copied(reports, problems);
    }
}
