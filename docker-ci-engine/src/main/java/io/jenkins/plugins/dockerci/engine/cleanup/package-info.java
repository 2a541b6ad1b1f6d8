/**
 * Guaranteed cleanup: {@link io.jenkins.plugins.dockerci.engine.cleanup.Cleaner} removes one run's resources (from
 * its ledger and by its run label) and returns a {@link io.jenkins.plugins.dockerci.engine.cleanup.CleanupReport}
 * instead of throwing; {@link io.jenkins.plugins.dockerci.engine.cleanup.OrphanReaper} finds runs of an owner that
 * died without cleaning up and removes what they left; {@link io.jenkins.plugins.dockerci.engine.cleanup.BuildCachePolicy}
 * bounds the build cache that cleanup keeps. Nothing here ever touches a container, network or volume without the
 * owner's and run's labels, nor an image without the owner's run or cache tag (see
 * {@link io.jenkins.plugins.dockerci.engine.BuildAttribution}) or, for images of older versions, its labels.
 */
package io.jenkins.plugins.dockerci.engine.cleanup;
