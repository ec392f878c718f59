package io.ipmirunner.playbook;

import io.ipmirunner.expr.MagicVariables;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.Problems;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Variable names: which are valid for register, set_fact and vars (the names an expression reads are
 * {@link io.ipmirunner.expr.ExpressionNames}'s).
 */
final class VariableNames {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "none", "True", "False", "None", "and", "or",
            "not", "in", "is", "if", "else");

    private VariableNames() {}

    /** Reports a name that expressions could not read back, or that would hide a magic variable. */
    static boolean check(String name, Location at, String what, Problems problems) {
        if (!IDENTIFIER.matcher(name).matches() || KEYWORDS.contains(name)) {
            problems.add(at, what + " '" + name + "' is not a valid variable name (letters, digits and _, not "
                    + "starting with a digit)");
            return false;
        }
        if (MagicVariables.NAMES.contains(name)) {
            problems.add(at, what + " '" + name + "' would hide Ansible's magic variable of that name");
            return false;
        }
        return true;
    }
}
