package io.ipmirunner.playbook;

import static io.ipmirunner.playbook.MalformedPlaybookTest.bad;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Broken {@code backoff} keywords for {@link MalformedPlaybookTest}, which runs them. */
final class MalformedRetryCases {
    private MalformedRetryCases() {}

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("backoff factor below 1", """
                        - hosts: all
                          tasks:
                            - mc_info:
                              retries: 3
                              backoff: {factor: 0.5}
                        """, "5:25: 'factor' in 'backoff' of task 'mc_info' must be a number from 1 to 10, found the "
                        + "number 0.5"),
                bad("backoff jitter above 1", """
                        - hosts: all
                          tasks:
                            - mc_info:
                              until: true
                              backoff:
                                jitter: 1.5
                        """, "6:17: 'jitter' in 'backoff' of task 'mc_info' must be a number from 0 to 1, found the "
                        + "number 1.5"),
                bad("backoff member misspelled", """
                        - hosts: all
                          tasks:
                            - mc_info:
                              retries: 3
                              backoff: {factr: 3}
                        """, "5:17: unknown key 'factr' in 'backoff' of task 'mc_info' (did you mean 'factor'?)"),
                bad("backoff max below the delay", """
                        - hosts: all
                          tasks:
                            - mc_info:
                              retries: 3
                              delay: 10s
                              backoff: {max: 5s}
                        """, "6:22: 'max' in 'backoff' of task 'mc_info' (5s) is shorter than the first pause, the "
                        + "task's 'delay' (10s)"),
                bad("backoff without retries or until", """
                        - hosts: all
                          tasks:
                            - mc_info:
                              delay: 1s
                              backoff: {factor: 2}
                        """, "5:16: 'backoff' of task 'mc_info' paces retries, so it needs 'retries' or 'until'"),
                bad("backoff not a mapping", """
                        - hosts: all
                          tasks:
                            - mc_info:
                              retries: 3
                              backoff: exponential
                        """, "5:16: 'backoff' in task 'mc_info' must be a mapping, found the string 'exponential'"),
                bad("backoff on a block", """
                        - hosts: all
                          tasks:
                            - block:
                                - mc_info:
                                  retries: 3
                              backoff: {factor: 2}
                        """, "6:7: 'backoff' cannot be used on a block, only on tasks"));
    }
}
