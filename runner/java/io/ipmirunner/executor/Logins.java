package io.ipmirunner.executor;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.BmcSession;
import io.ipmirunner.ipmi.client.BmcTarget;
import io.ipmirunner.ipmi.client.IpmiClient;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.WireMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens BMC sessions, trying a host's credentials in order when it lists several ({@code ipmi_credentials}):
 * each is proved with a Get Device ID (the cheapest command every BMC answers, IPMI v2.0 §20.1), and only an
 * authentication failure moves on to the next; a BMC that does not answer fails at once, as it would for any
 * login. Remembers which label worked per host, for results; never the secret.
 */
public final class Logins {
    /** The result key that names the credential a host logged in with. */
    public static final String RESULT_KEY = "credential";

    /** One login to try: a label safe to print, and the target with that credential's user and password. */
    public record Login(String label, BmcTarget target) {}

    private final IpmiClient client;
    private final Map<String, List<Login>> byHost;
    private final Map<String, String> used = new ConcurrentHashMap<>();

    public Logins(IpmiClient client, Map<String, List<Login>> byHost) {
        this.client = client;
        this.byHost = Map.copyOf(byHost);
    }

    /** A session to the target's host: with its first accepted credential, or as the target says when it lists none. */
    public BmcSession open(BmcTarget target) throws IpmiException {
        List<Login> logins = byHost.get(target.name());
        if (logins == null) {
            return client.open(target);
        }
        List<String> tried = new ArrayList<>();
        IpmiException.AuthenticationFailed last = null;
        for (Login l : logins) {
            BmcSession s = client.open(l.target());
            try {
                s.send(Commands.GET_DEVICE_ID, new WireMessage.Empty());
                used.put(target.name(), l.label());
                return s;
            } catch (IpmiException.AuthenticationFailed e) {
                s.close();
                tried.add(l.label());
                last = e;
            } catch (IpmiException | RuntimeException e) {
                s.close();
                throw e;
            }
        }
        throw new IpmiException.AuthenticationFailed(target.name(), last.phase(), last.reason()
                + "; credentials tried: " + String.join(", ", tried));
    }

    /** The label of the credential {@code host} logged in with, once it has. */
    public Optional<String> usedBy(String host) {
        return Optional.ofNullable(used.get(host));
    }

    /** {@code result} with the credential's label added under {@link #RESULT_KEY}, when the host used a list. */
    public Map<String, Object> annotate(String host, Map<String, Object> result) {
        Optional<String> label = usedBy(host);
        if (label.isEmpty() || result.containsKey(RESULT_KEY)) {
            return result;
        }
        Map<String, Object> out = new LinkedHashMap<>(result);
        out.put(RESULT_KEY, label.get());
        return out;
    }

    /** A playbook's host results with the credential added, as {@link #annotate(String, Map)}. */
    public RunEvent annotate(RunEvent event) {
        if (event instanceof RunEvent.HostResult r && usedBy(r.host()).isPresent()) {
            return new RunEvent.HostResult(r.host(), r.task(), r.taskAt(), r.status(), r.ignored(), r.attempts(),
                    r.duration(), annotate(r.host(), r.result()), r.error(), r.failureClass());
        }
        return event;
    }
}
