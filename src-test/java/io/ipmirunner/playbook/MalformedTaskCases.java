package io.ipmirunner.playbook;

import static io.ipmirunner.playbook.MalformedPlaybookTest.MODULES;
import static io.ipmirunner.playbook.MalformedPlaybookTest.bad;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Broken tasks, blocks and handlers for {@link MalformedPlaybookTest}, which runs them. */
final class MalformedTaskCases {
    private MalformedTaskCases() {}

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("misspelled keyword", """
                        - hosts: all
                          tasks:
                            - name: Power cycle
                              power: state=cycle
                              retires: 3
                        """, "5:7: unknown key 'retires' in task 'Power cycle' (did you mean 'retries'?)"),
                bad("misspelled module", """
                        - hosts: all
                          tasks:
                            - name: Power on
                              powr: state=on
                        """, "4:7: unknown key 'powr' in task 'Power on' (did you mean 'power'?)"),
                bad("two actions", """
                        - hosts: all
                          tasks:
                            - name: Both
                              power: state=on
                              debug: msg=hi
                        """, "5:7: task 'Both' has two actions, 'power' and 'debug': a task does exactly one thing"),
                bad("no action", """
                        - hosts: all
                          tasks:
                            - name: Nothing
                              when: true
                        """, "3:7: task 'Nothing' has no action (a module: " + MODULES + "; or assert, debug, fail, "
                        + "pause, set_fact, wait_for_power)"),
                bad("when syntax error", """
                        - hosts: all
                          tasks:
                            - name: Check
                              power: state=status
                              when: result.changed == )
                        """, "5:31: 'when' of task 'Check': expression syntax error: unexpected ')'"),
                bad("when with Jinja braces", """
                        - hosts: all
                          tasks:
                            - name: Check
                              power: state=status
                              when: "{{ result.changed }}"
                        """, "5:14: 'when' of task 'Check': a bare expression is expected here, without {{ }}: "
                        + "write result.changed"),
                bad("when in FreeMarker", """
                        - hosts: all
                          tasks:
                            - name: Check
                              power: state=status
                              when: "result?? && !ansible_check_mode"
                        """, "5:20: 'when' of task 'Check': FreeMarker syntax '??': expressions are Jinja2 now, write: "
                        + "result is defined and not ansible_check_mode"),
                bad("template in FreeMarker", """
                        - hosts: all
                          tasks:
                            - name: Say
                              debug:
                                msg: "users: ${(u.names![])?join(', ')}"
                        """, "5:22: 'msg' of debug in task 'Say': FreeMarker interpolation '${': templates are Jinja2 "
                        + "now, write: users: {{ (u.names | default([])) | join(', ') }}"),
                bad("FreeMarker lambda", """
                        - hosts: all
                          tasks:
                            - name: Check
                              assert:
                                that: "s?filter(x -> x.ok)?size == 0"
                        """, "5:17: 'that' of assert in task 'Check': FreeMarker syntax '?filter': expressions are "
                        + "Jinja2 now (docs/expressions.md)"),
                bad("when with interpolation", """
                        - hosts: all
                          tasks:
                            - name: Check
                              power: state=status
                              when: "{{ ready }}"
                        """, "5:14: 'when' of task 'Check': a bare expression is expected here, without {{ }}: "
                        + "write ready"),
                bad("template syntax error", """
                        - hosts: all
                          tasks:
                            - name: Say
                              debug:
                                msg: "hello {{ name + }}"
                        """, "5:31: 'msg' of debug in task 'Say': expression syntax error: unexpected end of expression"),
                bad("until syntax error", """
                        - hosts: all
                          tasks:
                            - name: Wait
                              mc_info:
                              register: r
                              until: r.device_available and
                        """, "6:36: 'until' of task 'Wait': expression syntax error: unexpected end of expression"),
                bad("task name read as a boolean", """
                        - hosts: all
                          tasks:
                            - name: Off
                              power: state=off
                        """, "3:13: 'name' must be a string, found 'Off', which YAML 1.1 reads as the boolean false "
                        + "(quote it: \"Off\")"),
                bad("module rejects argument value", """
                        - hosts: all
                          tasks:
                            - name: Power off
                              power:
                                state: of
                        """, "4:7: power: state must be one of status|on|off|cycle|reset|soft|diag, got 'of'"),
                bad("module rejects argument name", """
                        - hosts: all
                          tasks:
                            - power: state=on wiat=true
                        """, "3:7: power: unknown argument 'wiat' (state, wait, timeout)"),
                bad("module argument is a list", """
                        - hosts: all
                          tasks:
                            - power:
                                state: [on, off]
                        """, "4:16: power: argument 'state' takes one value, found a list"),
                bad("free-form argument without =", """
                        - hosts: all
                          tasks:
                            - power: on
                        """, "3:14: power in task 'power' takes a mapping of arguments or key=value text, found 'on', "
                        + "which YAML 1.1 reads as the boolean true"),
                bad("retries negative", """
                        - hosts: all
                          tasks:
                            - mc_info:
                              retries: -1
                        """, "4:16: 'retries' in task 'mc_info' must be a whole number from 0 to 10000, found the "
                        + "number -1"),
                bad("delay not a duration", """
                        - hosts: all
                          tasks:
                            - mc_info:
                              delay: soon
                        """, "4:14: 'delay' in task 'mc_info' must be a duration (seconds, or e.g. 500ms, 5s, 2m, 1h), "
                        + "found the string 'soon'"),
                bad("templated stagger", """
                        - hosts: all
                          tasks:
                            - power: state=on
                              stagger: "{{ pdu_delay }}"
                        """, "4:16: 'stagger' in task 'power' must be a duration (seconds, or e.g. 500ms, 5s, 2m, 1h), "
                        + "found the string '{{ pdu_delay }}': it is fixed when the playbook is read, before any host's "
                        + "variables exist"),
                bad("register not a name", """
                        - hosts: all
                          tasks:
                            - mc_info:
                              register: bmc-info
                        """, "4:17: 'register' of task 'mc_info': 'bmc-info' is not a valid variable name (letters, "
                        + "digits and _, not starting with a digit)"),
                bad("register hides magic variable", """
                        - hosts: all
                          tasks:
                            - mc_info:
                              register: groups
                        """, "4:17: 'register' of task 'mc_info': 'groups' would hide Ansible's magic variable of "
                        + "that name"),
                bad("loop not a list", """
                        - hosts: all
                          tasks:
                            - debug: msg=x
                              loop: 5
                        """, "4:13: 'loop' of task 'debug' must be a list or a {{ ... }} expression that gives one, found "
                        + "the number 5"),
                bad("with_dict", """
                        - hosts: all
                          tasks:
                            - debug: msg=x
                              with_dict: {a: 1}
                        """, "4:7: 'with_dict' in task 'debug' is not supported: write loop: (or with_items:) instead"),
                bad("loop and with_items", """
                        - hosts: all
                          tasks:
                            - debug: msg=x
                              loop: [1]
                              with_items: [1, 2]
                        """, "5:19: task 'debug' has both 'loop' and 'with_items': a task loops once"),
                bad("Ansible-only keyword", """
                        - hosts: all
                          tasks:
                            - power: state=on
                              delegate_to: localhost
                        """, "4:7: unknown key 'delegate_to' in task 'power' (an Ansible keyword ipmi-runner does not "
                        + "support)"),
                bad("rescue without block", """
                        - hosts: all
                          tasks:
                            - name: Oops
                              rescue:
                                - debug: msg=x
                        """, "4:7: 'rescue' needs a 'block' in the same entry"),
                bad("action on a block", """
                        - hosts: all
                          tasks:
                            - block:
                                - debug: msg=x
                              power: state=on
                        """, "5:7: block cannot also have the action 'power': put it in a task inside the block"),
                bad("loop on a block", """
                        - hosts: all
                          tasks:
                            - name: Many
                              block:
                                - debug: msg=x
                              loop: [1, 2]
                        """, "6:7: 'loop' cannot be used on a block, only on tasks"),
                bad("task not a mapping", """
                        - hosts: all
                          tasks:
                            - power state=on
                        """, "3:7: each entry of tasks of play must be a task (a mapping), found the string "
                        + "'power state=on'"),
                bad("tasks not a list", """
                        - hosts: all
                          tasks:
                            power: state=on
                        """, "3:5: tasks of play must be a list of tasks, found a mapping"),
                bad("notify without handler", """
                        - hosts: all
                          tasks:
                            - name: Set boot
                              power: state=on
                              notify: restart bmc
                          handlers:
                            - name: Restart BMC
                              mc_info:
                        """, "3:7: task 'Set boot' notifies 'restart bmc', which no handler of this play has as name "
                        + "or listen topic (did you mean 'Restart BMC'?)"),
                bad("duplicate handler names", """
                        - hosts: all
                          handlers:
                            - name: h
                              mc_info:
                            - name: h
                              mc_info:
                        """, "5:7: two handlers are named 'h' (first at line 3)"),
                bad("assert without that", """
                        - hosts: all
                          tasks:
                            - assert:
                                fail_msg: nope
                        """, "3:7: assert in task 'assert' needs 'that': the conditions to check"),
                bad("assert unknown key", """
                        - hosts: all
                          tasks:
                            - assert:
                                that: true
                                fial_msg: nope
                        """, "5:9: unknown key 'fial_msg' in assert in task 'assert' (did you mean 'fail_msg'?)"),
                bad("debug msg and var", """
                        - hosts: all
                          tasks:
                            - debug:
                                msg: a
                                var: b
                        """, "3:7: debug in task 'debug' takes msg or var, not both"),
                bad("pause seconds and minutes", """
                        - hosts: all
                          tasks:
                            - pause:
                                seconds: 1
                                minutes: 1
                        """, "3:7: pause in task 'pause' takes seconds or minutes, not both"),
                bad("wait_for_power bad state", """
                        - hosts: all
                          tasks:
                            - wait_for_power:
                                state: cycling
                        """, "4:16: 'state' of wait_for_power in task 'wait_for_power' must be on or off, found the "
                        + "string 'cycling'"),
                bad("set_fact bad name", """
                        - hosts: all
                          tasks:
                            - set_fact:
                                2fast: true
                        """, "4:9: variable name in set_fact in task 'set_fact' '2fast' is not a valid variable "
                        + "name (letters, digits and _, not starting with a digit)"));
    }
}
