package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code users [channel=N]}: every user id the BMC has room for (Get User Access says how many), with name,
 * enabled state and privilege limit on each LAN channel. Read-only.
 */
public final class UsersModule implements Module<UsersModule.Args> {
    record Args(Integer channel) {}

    @Override
    public String name() {
        return "users";
    }

    @Override
    public Args validate(Map<String, String> args) throws ModuleArgumentException {
        for (String k : args.keySet()) {
            if (!k.equals("channel")) {
                throw new ModuleArgumentException("users: unknown argument '" + k + "' (channel)");
            }
        }
        return new Args(LanChannels.parse("users", args.get("channel")));
    }

    @Override
    public ModuleResult run(Bmc bmc, Args a) throws IpmiException {
        List<Integer> channels = a.channel() != null ? List.of(a.channel()) : LanChannels.all(bmc);
        int main = channels.isEmpty() ? LanChannels.pick(bmc, null) : channels.getFirst();
        UserState first = UserState.read(bmc, main, 1);
        List<CompletableFuture<UserState>> asks = new ArrayList<>();
        Map<Integer, List<CompletableFuture<UserState>>> others = new LinkedHashMap<>();
        for (int id = 1; id <= first.maxUsers(); id++) {
            asks.add(UserState.readAsync(bmc, main, id));
            for (int ch : channels) {
                if (ch != main) {
                    others.computeIfAbsent(ch, k -> new ArrayList<>()).add(UserState.readAsync(bmc, ch, id));
                }
            }
        }
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            UserState u = Bmc.await(asks.get(i));
            Map<String, Object> m = u.toMap();
            Map<String, Object> perChannel = new LinkedHashMap<>();
            perChannel.put(String.valueOf(main), m.get("privilege"));
            for (var e : others.entrySet()) {
                perChannel.put(String.valueOf(e.getKey()),
                        UserState.privilegeName(Bmc.await(e.getValue().get(i)).privilege()));
            }
            m.put("privileges", perChannel);
            users.add(m);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("channel", main);
        r.put("max_users", first.maxUsers());
        r.put("enabled_users", first.enabledUsers());
        r.put("users", users);
        return new ModuleResult(false, r);
    }
}
