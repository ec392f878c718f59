package io.ipmirunner.playbook;

import io.ipmirunner.expr.Expression;
import io.ipmirunner.expr.TemplateText;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.YamlValue;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a task does: a registered module ({@code power}, {@code mc_info}, ...) or one of the built-in actions,
 * which run in the executor without touching a BMC (except {@code wait_for_power}, which polls it).
 */
public sealed interface Action {
    /** The action's keyword as written in the task. */
    String name();

    Location at();

    /** Built-in actions, besides the registered modules. */
    List<String> BUILT_IN = List.of("assert", "debug", "fail", "pause", "set_fact", "wait_for_power");

    /** A module of {@link io.ipmirunner.modules.Modules}; arguments were checked by the module's validate. */
    record ModuleCall(String name, Map<String, YamlValue> args, Location at) implements Action {
        public ModuleCall {
            args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        }
    }

    /** Fails the host unless every expression in {@code that} is true. */
    record Assert(List<Expression> that, Optional<TemplateText> failMsg, Optional<TemplateText> successMsg,
                  boolean quiet, Location at) implements Action {
        public Assert {
            that = List.copyOf(that);
        }

        @Override
        public String name() {
            return "assert";
        }
    }

    /** Prints {@code msg} (a value whose strings may hold {{ ... }}) or the value of the expression {@code var}. */
    record Debug(Optional<YamlValue> msg, Optional<Expression> var, Location at) implements Action {
        @Override
        public String name() {
            return "debug";
        }
    }

    /** Fails the host with a message. */
    record Fail(TemplateText msg, Location at) implements Action {
        @Override
        public String name() {
            return "fail";
        }
    }

    /** Waits a while, or (with a prompt and a terminal) until the operator presses Enter. */
    record Pause(Optional<Duration> duration, Optional<TemplateText> prompt, Location at) implements Action {
        @Override
        public String name() {
            return "pause";
        }
    }

    /** Sets host variables (values may hold {{ ... }}) for the rest of the run. */
    record SetFact(Map<String, YamlValue> facts, Location at) implements Action {
        public SetFact {
            facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        }

        @Override
        public String name() {
            return "set_fact";
        }
    }

    /**
     * Polls the BMC's power state every {@code interval} until it is {@code state} ("on" or "off"); fails after
     * {@code timeout}. For after a power action that did not wait, or for a host an operator powers by hand.
     */
    record WaitForPower(String state, Duration timeout, Duration interval, Location at) implements Action {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
        public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

        @Override
        public String name() {
            return "wait_for_power";
        }
    }
}
