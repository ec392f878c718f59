package io.ipmirunner.inventory;

import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.session.IpmiVersion;
import io.ipmirunner.ipmi.session.Workaround;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How to reach one host's BMC, from its {@code ipmi_*} variables. Empty values mean "the engine's default"
 * (cipher suite negotiated, privilege stepped down as needed, timing from the command line).
 *
 * <p>{@code address} is {@code ipmi_host}, else the inventory name, never {@code ansible_host}: that is the
 * operating system's address, and a BMC has its own. {@code credentials}, from {@code ipmi_credentials}, are
 * logins to try in order; when there are any, they replace {@code user}/{@code password}/{@code kg}.
 * {@code minCommandInterval}, from {@code ipmi_min_command_interval}, paces the commands to a fragile BMC;
 * {@code workarounds}, from {@code ipmi_workarounds}, are FreeIPMI's flags the engine takes only when told.
 */
public record BmcConnection(String address, int port, String user, Optional<SecretSource> password,
                            Optional<SecretSource> kg, OptionalInt cipherSuite, Optional<Privilege> privilege,
                            Optional<Duration> timeout, OptionalInt retries, IpmiVersion version,
                            List<BmcCredential> credentials, Optional<Duration> minCommandInterval,
                            Set<Workaround> workarounds) {
    public static final int DEFAULT_PORT = 623;

    public BmcConnection {
        credentials = List.copyOf(credentials);
        workarounds = Set.copyOf(workarounds);
    }

    public static BmcConnection defaults(String address) {
        return new BmcConnection(address, DEFAULT_PORT, "", Optional.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), OptionalInt.empty(), IpmiVersion.AUTO, List.of(), Optional.empty(),
                Set.of());
    }
}
