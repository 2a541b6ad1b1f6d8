/**
 * Running tests in a container next to service containers:
 * {@link io.jenkins.plugins.dockerci.engine.testrun.TestRunner} takes a
 * {@link io.jenkins.plugins.dockerci.engine.testrun.TestRequest} and returns a
 * {@link io.jenkins.plugins.dockerci.engine.testrun.TestOutcome}; output streams to the
 * {@link io.jenkins.plugins.dockerci.engine.LogSink}, reports are copied out, and everything is removed afterwards.
 */
package io.jenkins.plugins.dockerci.engine.testrun;
