package io.jenkins.plugins.dockerci.engine.ledger;

/** The kinds of Docker resources the engine creates, in the order cleanup removes them (containers first). */
public enum ResourceKind {
    /** A container; removed with force and with its anonymous volumes. */
    CONTAINER,
    /** A volume the engine created by name. */
    VOLUME,
    /** A network the engine created. */
    NETWORK,
    /** A tag the engine added to an image; its name is the full reference. */
    TAG,
    /** An image the engine built. */
    IMAGE
}
