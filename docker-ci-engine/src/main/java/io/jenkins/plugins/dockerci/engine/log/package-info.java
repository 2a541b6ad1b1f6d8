/** Log sink decorators shared by the engine's services (masking secrets before a line leaves the engine). */
package io.jenkins.plugins.dockerci.engine.log;
