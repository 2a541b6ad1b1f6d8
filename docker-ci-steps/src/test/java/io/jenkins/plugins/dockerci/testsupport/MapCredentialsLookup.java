package io.jenkins.plugins.dockerci.testsupport;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.model.Run;
import io.jenkins.plugins.dockerci.config.CredentialsLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Credentials by ID, as the Credentials plugin would find them (of the asked type only); remembers lookups and tracking. */
public final class MapCredentialsLookup implements CredentialsLookup {

    private final Map<String, ? extends IdCredentials> byId;
    public final List<String> lookedUp = new ArrayList<>();
    public final List<Credentials> tracked = new ArrayList<>();

    public MapCredentialsLookup(Map<String, ? extends IdCredentials> byId) {
        this.byId = byId;
    }

    @Override
    public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> run, String uri) {
        lookedUp.add(id + "@" + uri);
        IdCredentials found = byId.get(id);
        return type.isInstance(found) ? type.cast(found) : null;
    }

    @Override
    public void track(Run<?, ?> run, Credentials credentials) {
        tracked.add(credentials);
    }
}
