package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.Privilege;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.command.app.ChannelCipherSuites;
import io.ipmirunner.ipmi.command.transport.LanParameters;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code channel_security [channel=N]}: what an auditor asks of a LAN channel. Get Channel Authentication
 * Capabilities (IPMI v2.0 §22.13) as data — from inside the session, or, for BMCs that refuse it there
 * (ipmi_sim answers 0xD5), the answer the login itself received — and every cipher suite of Get Channel
 * Cipher Suites (§22.15, 16-byte pages). {@code findings} names the settings known to be weak. With
 * {@code probe=true} it also tries the weak logins ({@link ChannelProbes}): what a BMC lists and what it accepts
 * can differ, both ways.
 */
public final class ChannelSecurityModule implements Module<ChannelSecurityModule.Args> {
    private static final List<String> AUTH = List.of("none", "hmac_sha1", "hmac_md5", "hmac_sha256");
    private static final List<String> INTEGRITY = List.of("none", "hmac_sha1_96", "hmac_md5_128", "md5_128",
            "hmac_sha256_128");
    private static final List<String> CONFIDENTIALITY = List.of("none", "aes_cbc_128", "xrc4_128", "xrc4_40");
    private static final int IPMI_PAYLOAD = 0;

    record Args(Integer channel, boolean probe) {}

    @Override
    public String name() {
        return "channel_security";
    }

    @Override
    public Args validate(Map<String, String> args) throws ModuleArgumentException {
        for (String k : args.keySet()) {
            if (!k.equals("channel") && !k.equals("probe")) {
                throw new ModuleArgumentException("channel_security: unknown argument '" + k + "' (channel, probe)");
            }
        }
        String probe = args.getOrDefault("probe", "false");
        if (!probe.equals("true") && !probe.equals("false")) {
            throw new ModuleArgumentException("channel_security: probe must be true or false, got '" + probe + "'");
        }
        return new Args(LanChannels.parse("channel_security", args.get("channel")), probe.equals("true"));
    }

    @Override
    public ModuleResult run(Bmc bmc, Args a) throws IpmiException {
        int ch = LanChannels.pick(bmc, a.channel());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("channel", ch);
        String source = "session";
        ChannelAuthCapabilities.Response caps;
        try {
            caps = bmc.send(Commands.GET_CHANNEL_AUTH_CAPABILITIES,
                    new ChannelAuthCapabilities.Request(ch, true, Privilege.ADMINISTRATOR.code()));
        } catch (IpmiException.CompletionCodeError refused) {
            caps = bmc.loginCapabilities().orElseThrow(() -> refused);
            source = "login";
        }
        r.putAll(capabilities(caps));
        r.put("capabilities_from", source);
        List<Map<String, Object>> suites = new ArrayList<>();
        try {
            for (ChannelCipherSuites.SuiteRecord s : ChannelCipherSuites.parse(cipherSuitePages(bmc, ch))) {
                suites.add(suite(s));
            }
        } catch (IpmiException.CompletionCodeError e) {
            r.put("cipher_suites_error", e.getMessage());
        }
        r.put("cipher_suites", suites);
        List<String> findings = findings(r, suites);
        if (a.probe()) {
            Map<String, Object> probes = ChannelProbes.run(bmc);
            r.put("probes", probes);
            findings.addAll(ChannelProbes.findings(probes));
        }
        r.put("findings", findings);
        return new ModuleResult(false, r);
    }

    static Map<String, Object> capabilities(ChannelAuthCapabilities.Response c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("auth_types", LanParameters.authTypes(c.authTypes() & 0x3F));
        int st = c.status();
        m.put("anonymous_login", (st & 0x01) != 0);
        m.put("null_usernames", (st & 0x02) != 0);
        m.put("non_null_usernames", (st & 0x04) != 0);
        m.put("user_level_auth", (st & 0x08) == 0);
        m.put("per_message_auth", (st & 0x10) == 0);
        m.put("kg_set", c.kgSet());
        m.put("ipmi_v15", c.supportsV15());
        m.put("ipmi_v20", c.supportsV20());
        return m;
    }

    /** All pages of the suite records: 16 bytes each, a shorter page is the last (at most 64 pages). */
    static byte[] cipherSuitePages(Bmc s, int ch) throws IpmiException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int index = 0; index < ChannelCipherSuites.MAX_PAGES; index++) {
            ChannelCipherSuites.Response page = s.send(Commands.GET_CHANNEL_CIPHER_SUITES,
                    new ChannelCipherSuites.Request(ch, IPMI_PAYLOAD, index));
            all.writeBytes(page.recordData());
            if (page.lastPage()) {
                break;
            }
        }
        return all.toByteArray();
    }

    private static Map<String, Object> suite(ChannelCipherSuites.SuiteRecord s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("auth", name(AUTH, s.auth()));
        m.put("integrity", name(INTEGRITY, s.integrity()));
        m.put("confidentiality", name(CONFIDENTIALITY, s.confidentiality()));
        if (s.oem()) {
            m.put("oem", true);
        }
        return m;
    }

    private static String name(List<String> names, int code) {
        return code < names.size() ? names.get(code) : "0x%x".formatted(code);
    }

    @SuppressWarnings("unchecked")
    static List<String> findings(Map<String, Object> r, List<Map<String, Object>> suites) {
        List<String> f = new ArrayList<>();
        for (Map<String, Object> s : suites) {
            if ("none".equals(s.get("auth"))) {
                f.add("cipher suite " + s.get("id") + " has no authentication: any password is accepted");
            }
        }
        List<String> types = (List<String>) r.get("auth_types");
        for (String weak : List.of("none", "password", "md2")) {
            if (types.contains(weak)) {
                f.add("IPMI v1.5 authentication type '" + weak + "' is enabled");
            }
        }
        if (Boolean.TRUE.equals(r.get("anonymous_login"))) {
            f.add("anonymous login (null user name, null password) is enabled");
        }
        if (Boolean.TRUE.equals(r.get("null_usernames"))) {
            f.add("null user names are enabled");
        }
        if (Boolean.FALSE.equals(r.get("per_message_auth"))) {
            f.add("per-message authentication is disabled");
        }
        if (Boolean.FALSE.equals(r.get("user_level_auth"))) {
            f.add("user-level authentication is disabled");
        }
        return f;
    }
}
