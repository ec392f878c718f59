package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipmirunner.secret.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Arguments of default_credentials and channel_security probe=: refused before any BMC is touched. */
class DefaultCredentialsModuleTest {
    private final DefaultCredentialsModule module = new DefaultCredentialsModule();

    @Test
    void bindsAListOfSecretsFromTheNamedVariable() throws Exception {
        var args = module.validate(Map.of("list_var", "mine"));
        var bound = module.bind(args, Map.of("mine", List.of(
                Map.of("label", "Dell iDRAC", "user", "root", "password", Secret.of("calvin", "test")))));
        assertEquals(1, bound.entries().size());
        assertEquals("Dell iDRAC", bound.entries().getFirst().label());
        assertEquals("root", bound.entries().getFirst().user());
    }

    @Test
    void refusesWhatIsNotAListOfLabelUserAndSecretPassword() throws Exception {
        var args = module.validate(Map.of());
        assertEquals("default_credentials: 'default_bmc_credentials' is not a list variable of this host "
                + "([{label, user, password}, ...])", assertThrows(ModuleArgumentException.class,
                () -> module.bind(args, Map.of())).getMessage());
        assertEquals("default_credentials: default_bmc_credentials[0].password is missing or not held as a secret",
                assertThrows(ModuleArgumentException.class, () -> module.bind(args, Map.of("default_bmc_credentials",
                        List.of(Map.of("user", "root", "password", "calvin"))))).getMessage());
        assertEquals("default_credentials: default_bmc_credentials[0] must be {label, user, password}",
                assertThrows(ModuleArgumentException.class, () -> module.bind(args, Map.of("default_bmc_credentials",
                        List.of(Map.of("user", "root", "pw", Secret.of("x", "t")))))).getMessage());
        assertThrows(ModuleArgumentException.class, () -> module.validate(Map.of("password", "x")));
    }

    @Test
    void channelSecurityProbeIsTrueOrFalse() throws Exception {
        ChannelSecurityModule cs = new ChannelSecurityModule();
        assertEquals(true, cs.validate(Map.of("probe", "true")).probe());
        assertEquals(false, cs.validate(Map.of()).probe());
        assertEquals("channel_security: probe must be true or false, got 'yes'", assertThrows(
                ModuleArgumentException.class, () -> cs.validate(Map.of("probe", "yes"))).getMessage());
    }
}
