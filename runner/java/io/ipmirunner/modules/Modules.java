package io.ipmirunner.modules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The task modules by name. */
public final class Modules {
    private static final Map<String, Module<?>> BY_NAME = new TreeMap<>();

    static {
        for (Module<?> m : List.of(new PowerModule(), new McInfoModule(), new FruModule(), new SensorsModule(),
                new SelModule(), new BootDeviceModule(), new ChassisStatusModule(), new IdentifyModule(),
                new RawModule(), new UsersModule(), new UserModule(), new LanModule(), new ChannelSecurityModule(),
                new BmcResetModule(), new PowerReadingModule(), new DefaultCredentialsModule(), new ConsoleModule(),
                new SolConfigModule())) {
            BY_NAME.put(m.name(), m);
        }
    }

    private Modules() {}

    public static Optional<Module<?>> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The modules of a run writing into {@code runDir}: as {@link #find}, with the console module keeping each
     * host's raw console log there.
     */
    public static Function<String, Optional<Module<?>>> forRun(Path runDir) {
        ConsoleModule console = new ConsoleModule(Optional.of(runDir));
        return name -> name.equals(console.name()) ? Optional.of(console) : find(name);
    }

    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }
}
