package io.ipmirunner.cli;

import io.ipmirunner.config.Setting;
import io.ipmirunner.config.Settings;
import io.ipmirunner.config.Value;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The configuration file's and IPMI_RUNNER_* variables' values as the defaults of the options they name, so the
 * command line wins over both and an option's own default applies when neither sets it. demo and sim take none:
 * the demo's rack is not the configured inventory (the play demo runs takes the configuration as any play).
 */
final class ConfigDefaults implements IDefaultValueProvider {
    private static final Set<String> UNCONFIGURED = Set.of("demo", "sim");

    private final Settings settings;

    ConfigDefaults(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || UNCONFIGURED.contains(arg.command().name())) {
            return null;
        }
        return Setting.byOption(option.longestName()).flatMap(settings::get).map(Value::text).orElse(null);
    }
}
