package io.ipmirunner.bench;

import io.ipmirunner.expr.ExpressionException;
import io.ipmirunner.expr.Expressions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The expression cost of one host-task, over the scopes of 10,000 hosts taken in turn: a {@code when}, a
 * templated module argument with a default, an {@code assert} condition and a message, as the shipped
 * playbooks write them; and three with filters ({@link #hostTaskFiltered}). docs/benchmark.md has the same
 * expressions in FreeMarker, measured at the commit before Jinja2, and the figures. Not a JUnit test;
 * {@code bench/jmh ExpressionBench} runs it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExpressionBench {
    static final int HOSTS = 10_000;
    private final List<Map<String, Object>> scopes = new ArrayList<>(HOSTS);
    private int next;

    @Setup
    public void hosts() {
        Map<String, Object> shared = Map.of("groups", Map.of("all", List.of()), "ansible_check_mode", false,
                "playbook_dir", "/pb");
        for (int i = 0; i < HOSTS; i++) {
            Map<String, Object> scope = new HashMap<>(shared);
            scope.put("inventory_hostname", String.format("node%05d", i));
            scope.put("power", Map.of("state", i % 10 == 0 ? "off" : "on", "changed", false));
            scope.put("fru", Map.of("product", Map.of("serial", "SN" + i), "warnings", List.of()));
            scope.put("sensors", List.of(Map.of("name", "CPU Temp", "status", "ok"),
                    Map.of("name", "Inlet", "status", i % 100 == 0 ? "ucr" : "ok")));
            scopes.add(scope);
        }
    }

    @Benchmark
    public Object hostTask() throws ExpressionException {
        Map<String, Object> scope = scopes.get(next++ % HOSTS);
        boolean when = Expressions.isTrue("power.state == 'on' and not ansible_check_mode", scope);
        Object id = Expressions.resolve("{{ bmc_user_id | default(2) }}", scope);
        boolean ok = Expressions.isTrue("fru.warnings | length == 0", scope);
        String msg = Expressions.render("FRU {{ fru.product.serial }} on {{ inventory_hostname }}", scope);
        return when && ok ? msg : id;
    }

    /**
     * Expressions with filters, which no direct path takes: Jinjava evaluates each (a when through a filter,
     * an assert over the sensors, a message through a filter).
     */
    @Benchmark
    public Object hostTaskFiltered() throws ExpressionException {
        Map<String, Object> scope = scopes.get(next++ % HOSTS);
        boolean when = Expressions.isTrue("power.state | lower == 'on'", scope);
        boolean ok = Expressions.isTrue("sensors | selectattr('status', 'equalto', 'ucr') | list | length == 0", scope);
        String msg = Expressions.render("{{ fru.product.serial | upper }} on {{ inventory_hostname }}", scope);
        return when && ok ? msg : null;
    }
}
