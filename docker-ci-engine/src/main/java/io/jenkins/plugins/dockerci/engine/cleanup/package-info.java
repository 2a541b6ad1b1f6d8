/**
 * Guaranteed cleanup: {@link io.jenkins.plugins.dockerci.engine.cleanup.Cleaner} removes one run's resources (from
 * its ledger and by its run label) and returns a {@link io.jenkins.plugins.dockerci.engine.cleanup.CleanupReport}
 * instead of throwing; {@link io.jenkins.plugins.dockerci.engine.cleanup.OrphanReaper} finds runs of an owner that
 * died without cleaning up and removes what they left. Nothing here ever touches a resource without the owner's
 * and run's labels.
 */
package io.jenkins.plugins.dockerci.engine.cleanup;
