package io.jenkins.plugins.dockerci.params;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jenkinsci.plugins.workflow.actions.ThreadNameAction;
import org.jenkinsci.plugins.workflow.graph.BlockStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Where in a Pipeline a step runs, as far as {@code parallel} is concerned: the chain of parallel branches around it,
 * written as their start nodes' ids, outermost first ({@code ""} outside any branch, {@code "12/"} inside one,
 * {@code "12/30/"} in a branch nested inside it).
 *
 * <p>A step sees what was done in its own branch and before its branches started: exactly the keys that are a prefix
 * of its own. That is how a step without {@code image:} finds the image built earlier in the same branch, and never
 * another branch's (finding W11 of the runtime review).
 *
 * @param key the branch key
 */
public record PipelineBranch(String key) {

    /** Outside every {@code parallel}. */
    public static final PipelineBranch TOP = new PipelineBranch("");

    /** The branch the step of {@code node} runs in; {@link #TOP} when Pipeline gives no node. */
    public static PipelineBranch of(FlowNode node) {
        if (node == null) {
            return TOP;
        }
        Deque<String> branches = new ArrayDeque<>();
        for (BlockStartNode start : node.iterateEnclosingBlocks()) {
            if (start.getAction(ThreadNameAction.class) != null) {
                branches.addFirst(start.getId());
            }
        }
        StringBuilder key = new StringBuilder();
        branches.forEach(id -> key.append(id).append('/'));
        return new PipelineBranch(key.toString());
    }

    /** Whether work recorded with {@code otherKey} happened in this branch or before it started. */
    public boolean sees(String otherKey) {
        return otherKey != null && key.startsWith(otherKey);
    }
}
