package io.ipmirunner.inventory;

import io.ipmirunner.yaml.YamlValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code --shard K/N}: the part of an inventory one of N runners takes (Kubernetes Indexed Jobs, one pod per
 * shard). Every host is in exactly one shard, and which one depends on the inventory alone, never on the order
 * its hosts are listed in, so a pod retried with the same index takes the same hosts:
 * <ul>
 * <li>alone, a host goes by a hash of its name (the first 8 bytes of its SHA-256, modulo N): adding or removing
 * a host moves no other;</li>
 * <li>with {@code --shard-by VAR}, hosts with the same value of VAR (a site, a rack) stay together, and the
 * values are dealt out largest first, each to the shard with the fewest hosts so far (ties by value, then by
 * shard), so that a few sites still fill the shards evenly; a host without VAR counts as a value of its own.
 * That deal depends on every value's size, so a change of the inventory may move whole values.</li>
 * </ul>
 * Pure: no I/O.
 */
public record Shard(int index, int count, Optional<String> by) {
    /** The variable Kubernetes sets in the pods of an Indexed Job: the pod's index, from 0. */
    public static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist (K/N: 1 <= K <= N)");
        }
    }

    /**
     * {@code K/N} (1-based) or {@code auto/N}, which takes K from {@value #INDEX_VARIABLE} (0-based) in
     * {@code env}.
     */
    public static Shard parse(String spec, Optional<String> by, Function<String, String> env) {
        String[] parts = spec.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + spec + "' is not K/N or auto/N");
        }
        int count = number(parts[1], spec);
        int index;
        if (parts[0].equals("auto")) {
            String set = env.apply(INDEX_VARIABLE);
            if (set == null || set.isBlank()) {
                throw new IllegalArgumentException("auto/" + count + " needs " + INDEX_VARIABLE
                        + " (set in the pods of a Kubernetes Indexed Job)");
            }
            index = number(set.strip(), INDEX_VARIABLE + "=" + set) + 1;
        } else {
            index = number(parts[0], spec);
        }
        if (by.isPresent() && by.get().isBlank()) {
            throw new IllegalArgumentException("--shard-by needs a variable name");
        }
        return new Shard(index, count, by);
    }

    private static int number(String text, String whole) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + whole + "' is not K/N or auto/N");
        }
    }

    /** As written on the command line and in the journal: {@code 2/4}, or {@code 2/4 by site}. */
    public String label() {
        return index + "/" + count + by.map(v -> " by " + v).orElse("");
    }

    /** The hosts of {@code inventory} in this shard, in inventory order. */
    public List<String> hosts(Inventory inventory) {
        Map<String, Integer> shardOf = assign(inventory);
        return inventory.hosts().keySet().stream().filter(h -> shardOf.get(h) == index).toList();
    }

    /** Every host of the inventory to its shard, 1 to N. */
    Map<String, Integer> assign(Inventory inventory) {
        Map<String, Integer> out = new HashMap<>();
        if (by.isEmpty()) {
            inventory.hosts().keySet().forEach(h -> out.put(h, 1 + (int) Long.remainderUnsigned(hash(h), count)));
            return out;
        }
        Map<String, List<String>> byValue = new LinkedHashMap<>();
        inventory.hosts().forEach((name, host) -> byValue.computeIfAbsent(key(host), k -> new ArrayList<>()).add(name));
        List<Map.Entry<String, List<String>>> values = new ArrayList<>(byValue.entrySet());
        values.sort(Comparator.<Map.Entry<String, List<String>>>comparingInt(e -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        int[] load = new int[count];
        for (var value : values) {
            int least = 0;
            for (int s = 1; s < count; s++) {
                least = load[s] < load[least] ? s : least;
            }
            load[least] += value.getValue().size();
            for (String h : value.getValue()) {
                out.put(h, least + 1);
            }
        }
        return out;
    }

    /** The value a host is dealt by; a host without the variable is a value of its own. */
    private String key(Host host) {
        YamlValue v = host.vars().get(by.orElseThrow());
        return v == null ? "\u0000host " + host.name() : "=" + String.valueOf(v.toPlain());
    }

    private static long hash(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = h << 8 | (d[i] & 0xFF);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
