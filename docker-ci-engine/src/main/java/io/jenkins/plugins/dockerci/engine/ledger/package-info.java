/**
 * What a run created: {@link io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker} is told before and after
 * every create call, and {@link io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger} is the tracker that
 * persists it (intent, then id; atomic replace of a JSON file) so cleanup works even after the process died.
 */
package io.jenkins.plugins.dockerci.engine.ledger;
