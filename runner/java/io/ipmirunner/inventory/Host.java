package io.ipmirunner.inventory;

import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.YamlValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One inventory host: its groups (Ansible's {@code group_names}: every group it is in, directly or through a
 * parent, sorted, without {@code all}), its variables merged by Ansible's precedence, and the BMC connection
 * those variables describe.
 */
public record Host(String name, List<String> groupNames, Map<String, YamlValue> vars, BmcConnection bmc,
                   Location at) {
    public Host {
        groupNames = List.copyOf(groupNames);
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }

    /**
     * The variables as plain values for expressions and listings. Values of secret-named variables
     * ({@link SecretVars}) become {@link Secret}s labelled "plain", so they mask themselves wherever printed;
     * so do those nested in mappings and lists ({@code ipmi_credentials: [{password: ...}]}).
     */
    public Map<String, Object> plainVars() {
        Map<String, Object> out = new LinkedHashMap<>();
        vars.forEach((k, v) -> out.put(k, SecretVars.plain(k, v)));
        return Collections.unmodifiableMap(out);
    }
}
