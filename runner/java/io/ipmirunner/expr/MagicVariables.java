package io.ipmirunner.expr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ansible's magic variables, the names every expression can use without defining them. Per host and play:
 * <ul>
 *   <li>{@code inventory_hostname}: the host's inventory name; {@code inventory_hostname_short}: up to the
 *       first dot (IP addresses whole).</li>
 *   <li>{@code group_names}: the host's groups, sorted, without {@code all}; {@code groups}: every group's
 *       hosts by group name (including {@code all} and {@code ungrouped}).</li>
 *   <li>{@code hostvars}: every host's variables by host name ({@code hostvars["node01"].ipmi_host}).</li>
 *   <li>{@code ansible_play_hosts}: the play's hosts still running (failed ones drop out);
 *       {@code ansible_play_hosts_all}: all the play's hosts; {@code ansible_play_batch}: the current
 *       {@code serial} batch; {@code ansible_play_name}.</li>
 *   <li>{@code playbook_dir}, {@code inventory_dir}; {@code ansible_check_mode}: true under {@code --check}.</li>
 *   <li>{@code play_hosts}: Ansible's older name of {@code ansible_play_batch}; {@code omit}: a module argument
 *       whose value is {@code omit} ({@code id: "{{ bmc_user_id | default(omit) }}"}) is left out.</li>
 * </ul>
 * Per task, set by the executor: {@code item} and {@code ansible_loop} ({@code index}, {@code index0},
 * {@code first}, {@code last}, {@code length}) inside a loop; {@code ansible_failed_task} (its {@code name})
 * and {@code ansible_failed_result} inside {@code rescue}. A registered result {@code x} has the module's
 * keys plus {@code x.changed}, {@code x.failed}, {@code x.attempts}.
 */
public final class MagicVariables {
    public static final String INVENTORY_HOSTNAME = "inventory_hostname";
    public static final String INVENTORY_HOSTNAME_SHORT = "inventory_hostname_short";
    public static final String GROUP_NAMES = "group_names";
    public static final String GROUPS = "groups";
    public static final String HOSTVARS = "hostvars";
    public static final String PLAY_HOSTS = "ansible_play_hosts";
    public static final String PLAY_HOSTS_ALL = "ansible_play_hosts_all";
    public static final String PLAY_BATCH = "ansible_play_batch";
    public static final String PLAY_NAME = "ansible_play_name";
    public static final String PLAYBOOK_DIR = "playbook_dir";
    public static final String INVENTORY_DIR = "inventory_dir";
    public static final String CHECK_MODE = "ansible_check_mode";
    public static final String PLAY_HOSTS_OLD = "play_hosts";
    public static final String OMIT = "omit";
    /** What {@code omit} evaluates to: a text no real argument holds, as Ansible's placeholder. */
    public static final String OMIT_VALUE = "__omit_place_holder__ipmi_runner";
    public static final String ITEM = "item";
    public static final String LOOP = "ansible_loop";
    public static final String FAILED_TASK = "ansible_failed_task";
    public static final String FAILED_RESULT = "ansible_failed_result";

    /** Every magic name, for "is this variable defined" checks. */
    public static final Set<String> NAMES = Set.of(INVENTORY_HOSTNAME, INVENTORY_HOSTNAME_SHORT, GROUP_NAMES, GROUPS,
            HOSTVARS, PLAY_HOSTS, PLAY_HOSTS_ALL, PLAY_BATCH, PLAY_NAME, PLAYBOOK_DIR, INVENTORY_DIR, CHECK_MODE, ITEM,
            LOOP, FAILED_TASK, FAILED_RESULT, PLAY_HOSTS_OLD, OMIT);

    private static final Pattern IP_ADDRESS =
            Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private MagicVariables() {}

    /** What a play knows when it starts a batch; {@code groups} and {@code hostvars} are shared by all hosts. */
    public record PlayContext(String playName, List<String> playHostsAll, List<String> playHosts, List<String> batch,
                              Map<String, List<String>> groups, Map<String, ? extends Map<String, Object>> hostvars,
                              String playbookDir, String inventoryDir, boolean checkMode) {}

    /** The magic variables of one host in a play, to lay over its other variables. */
    public static Map<String, Object> forHost(String host, List<String> groupNames, PlayContext play) {
        Map<String, Object> out = new HashMap<>();
        out.put(INVENTORY_HOSTNAME, host);
        out.put(INVENTORY_HOSTNAME_SHORT, shortName(host));
        out.put(GROUP_NAMES, groupNames);
        out.put(GROUPS, play.groups());
        out.put(HOSTVARS, play.hostvars());
        out.put(PLAY_HOSTS, play.playHosts());
        out.put(PLAY_HOSTS_ALL, play.playHostsAll());
        out.put(PLAY_BATCH, play.batch());
        out.put(PLAY_NAME, play.playName());
        out.put(PLAYBOOK_DIR, play.playbookDir());
        out.put(INVENTORY_DIR, play.inventoryDir());
        out.put(CHECK_MODE, play.checkMode());
        out.put(PLAY_HOSTS_OLD, play.batch());
        out.put(OMIT, OMIT_VALUE);
        return out;
    }

    /** As Ansible: the name up to its first dot, except IP addresses, which stay whole. */
    public static String shortName(String host) {
        if (IP_ADDRESS.matcher(host).matches()) {
            return host;
        }
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }
}
