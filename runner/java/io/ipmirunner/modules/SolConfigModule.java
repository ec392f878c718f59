package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.transport.LanConfig;
import io.ipmirunner.ipmi.command.transport.LanParameters;
import io.ipmirunner.ipmi.command.transport.SolConfig;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code sol_config [channel=N]}: a channel's Serial-over-LAN settings as an auditor asks for them (Get SOL
 * Configuration Parameters, IPMI v2.0 §26.3, parameters 1-8 of Table 26-5, asked for together). A parameter the
 * BMC does not have (0x80; OpenIPMI's ipmi_sim has only 1, 5 and 6) is named under {@code unsupported} and left
 * out, instead of failing the read. {@code findings} names the settings that let a console read or type in the
 * clear, or that the BMC would not say. Read-only.
 */
public final class SolConfigModule implements Module<SolConfigModule.Args> {
    private static final int[] PARAMETERS = {SolConfig.ENABLE, SolConfig.AUTHENTICATION, SolConfig.ACCUMULATE,
        SolConfig.RETRY, SolConfig.NON_VOLATILE_BIT_RATE, SolConfig.VOLATILE_BIT_RATE, SolConfig.PAYLOAD_CHANNEL,
        SolConfig.PAYLOAD_PORT};

    record Args(Integer channel) {}

    @Override
    public String name() {
        return "sol_config";
    }

    @Override
    public Args validate(Map<String, String> args) throws ModuleArgumentException {
        for (String k : args.keySet()) {
            if (!k.equals("channel")) {
                throw new ModuleArgumentException("sol_config: unknown argument '" + k + "' (channel)");
            }
        }
        return new Args(LanChannels.parse("sol_config", args.get("channel")));
    }

    @Override
    public ModuleResult run(Bmc bmc, Args a) throws IpmiException {
        int ch = LanChannels.pick(bmc, a.channel());
        Map<Integer, CompletableFuture<LanConfig.GetResponse>> asks = new LinkedHashMap<>();
        for (int p : PARAMETERS) {
            asks.put(p, bmc.sendAsync(Commands.GET_SOL_CONFIG, new LanConfig.GetRequest(ch, false, p, 0, 0)));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("channel", ch);
        List<String> unsupported = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (var e : asks.entrySet()) {
            byte[] d;
            try {
                d = Bmc.await(e.getValue()).data();
            } catch (IpmiException.CompletionCodeError cc) {
                unsupported.add("parameter " + e.getKey() + " (" + cc.code() + ")");
                continue;
            }
            try {
                read(e.getKey(), d, r);
            } catch (MalformedPacketException bad) {
                warnings.add("parameter " + e.getKey() + ": " + bad.getMessage());
            }
        }
        if (!unsupported.isEmpty()) {
            r.put("unsupported", unsupported);
        }
        if (!warnings.isEmpty()) {
            r.put("warnings", warnings);
        }
        r.put("findings", findings(r));
        return new ModuleResult(false, r);
    }

    private static void read(int parameter, byte[] d, Map<String, Object> r) throws MalformedPacketException {
        switch (parameter) {
            case SolConfig.ENABLE -> r.put("enabled", SolConfig.enabled(d));
            case SolConfig.AUTHENTICATION -> {
                SolConfig.Authentication auth = SolConfig.Authentication.decode(d);
                r.put("force_encryption", auth.forceEncryption());
                r.put("force_authentication", auth.forceAuthentication());
                r.put("privilege", LanParameters.privilegeName(auth.privilege()));
            }
            case SolConfig.ACCUMULATE -> {
                SolConfig.Accumulate acc = SolConfig.Accumulate.decode(d);
                r.put("accumulate", Map.of("interval_ms", acc.intervalMillis(), "send_threshold", acc.sendThreshold()));
            }
            case SolConfig.RETRY -> {
                SolConfig.Retry retry = SolConfig.Retry.decode(d);
                r.put("retry", Map.of("count", retry.count(), "interval_ms", retry.intervalMillis()));
            }
            case SolConfig.NON_VOLATILE_BIT_RATE -> r.put("bit_rate", bitRate(d));
            case SolConfig.VOLATILE_BIT_RATE -> r.put("bit_rate_volatile", bitRate(d));
            case SolConfig.PAYLOAD_CHANNEL -> r.put("payload_channel", SolConfig.payloadChannel(d));
            case SolConfig.PAYLOAD_PORT -> r.put("port", SolConfig.payloadPort(d));
            default -> throw new IllegalArgumentException("parameter " + parameter + " is not read");
        }
    }

    /** Bits per second; "serial" for 0 (the serial port's own setting); the code when the table has none. */
    private static Object bitRate(byte[] d) throws MalformedPacketException {
        return SolConfig.bitRate(d).<Object>map(b -> b == 0 ? "serial" : b)
                .orElse("0x%x".formatted(d[0] & 0x0F));
    }

    /**
     * Only a SOL known to be enabled is judged: a disabled one lets no console in, and a BMC that does not say
     * (no SOL Enable: ipmi_sim without a serial port answers 0xC1, a BMC without SOL too) is named under
     * {@code unsupported}. Enabled, a setting the BMC would not say is a finding of its own.
     */
    static List<String> findings(Map<String, Object> r) {
        List<String> f = new ArrayList<>();
        if (!Boolean.TRUE.equals(r.get("enabled"))) {
            return f;
        }
        if (!r.containsKey("force_encryption")) {
            f.add("the BMC does not say whether SOL forces encryption and authentication (parameter 2 unreadable)");
            return f;
        }
        if (Boolean.FALSE.equals(r.get("force_encryption"))) {
            f.add("SOL does not force encryption: a console may read and type in the clear");
        }
        if (Boolean.FALSE.equals(r.get("force_authentication"))) {
            f.add("SOL does not force authentication: its packets may go unauthenticated");
        }
        if ("user".equals(r.get("privilege")) || "callback".equals(r.get("privilege"))) {
            f.add("a " + r.get("privilege") + "-level account may take the host's console");
        }
        return f;
    }
}
