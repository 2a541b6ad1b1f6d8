package io.jenkins.plugins.dockerci.engine.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every image that was given a tag while a test class ran, with the tags, read from the engine's event stream as it
 * happens (a name moved to another image, or taken away while the image stays, is no longer visible on the image;
 * the engine's own event history is too short to ask afterwards). Followed from the moment it is opened.
 */
final class TaggedImages implements Closeable {

    private final Map<String, Set<String>> tagsById = new ConcurrentHashMap<>();
    private final ResultCallback.Adapter<Event> subscription;

    private TaggedImages(DockerClient client, long sinceEpochSecond) {
        subscription = client.eventsCmd().withEventTypeFilter(EventType.IMAGE).withEventFilter("tag")
                .withSince(Long.toString(sinceEpochSecond))
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event event) {
                        record(event);
                    }
                });
    }

    /** Follows the tags given from {@code sinceEpochSecond} (the engine replays the last ones) on. */
    static TaggedImages follow(DockerClient client, long sinceEpochSecond) {
        return new TaggedImages(client, sinceEpochSecond);
    }

    private void record(Event event) {
        if (event.getActor() == null || event.getActor().getAttributes() == null || event.getId() == null) {
            return;
        }
        String name = event.getActor().getAttributes().get("name");
        if (name != null) {
            tagsById.computeIfAbsent(event.getId(), id -> ConcurrentHashMap.newKeySet()).add(name);
        }
    }

    /** The ids of the images that were given a tag {@code ours} accepts, each with those tags. */
    Map<String, Set<String>> taggedWith(Predicate<String> ours) {
        return tagsById.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(ours))
                .collect(Collectors.toMap(Map.Entry::getKey,
                        entry -> entry.getValue().stream().filter(ours).collect(Collectors.toSet())));
    }

    @Override
    public void close() throws IOException {
        subscription.close();
    }
}
