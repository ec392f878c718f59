package io.ipmirunner.inventory;

import io.ipmirunner.yaml.Location;
import java.util.Optional;

/**
 * One entry of {@code ipmi_credentials}: a login to try, in list order, until the BMC accepts one (the fleet's
 * password, then the factory default, during bring-up). The label is what reports show; the secret never is.
 *
 * @param user empty: {@code ipmi_user}, else the command line's {@code -u}
 */
public record BmcCredential(String label, String user, Optional<SecretSource> password, Optional<SecretSource> kg,
                            Location at) {}
