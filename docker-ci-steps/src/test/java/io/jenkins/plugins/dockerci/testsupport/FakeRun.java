package io.jenkins.plugins.dockerci.testsupport;

import hudson.model.Job;
import hudson.model.Run;
import java.io.File;
import java.io.IOException;

/** A build of a job, as far as the plugin asks: its externalizable id and its directory. */
public final class FakeRun extends Run<FakeRun.FakeJob, FakeRun> {

    private final String externalizableId;
    private final File rootDir;

    public FakeRun(String jobFullName, int number, File rootDir) throws IOException {
        super(null);
        this.externalizableId = jobFullName + "#" + number;
        this.rootDir = rootDir;
    }

    @Override
    public String getExternalizableId() {
        return externalizableId;
    }

    @Override
    public File getRootDir() {
        return rootDir;
    }

    @Override
    public int compareTo(FakeRun other) {
        return externalizableId.compareTo(other.externalizableId);
    }

    /** The job type the build type needs; never instantiated. */
    public abstract static class FakeJob extends Job<FakeJob, FakeRun> {
        protected FakeJob() {
            super(null, "fake");
        }
    }
}
