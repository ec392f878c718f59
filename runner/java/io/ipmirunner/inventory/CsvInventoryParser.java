package io.ipmirunner.inventory;

import io.ipmirunner.util.BoundedRead;
import io.ipmirunner.yaml.Location;
import io.ipmirunner.yaml.Problems;
import io.ipmirunner.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A spreadsheet of BMCs ({@code *.csv}): one row per host under a header naming the columns. {@code host}
 * (required) is the inventory name, {@code address} the BMC's address ({@code ipmi_host}), {@code groups} (or
 * {@code group}) the groups it is in, separated by {@code ;} or blanks; every other column is a host variable
 * of that name, a whole number as a number, anything else as text, an empty cell not set. Fields may be quoted
 * as RFC 4180 says ({@code "a,b"}, {@code ""} for a quote), within one line. Errors name file:line:column.
 */
final class CsvInventoryParser {
    private final InventoryBuilder builder;
    private final Problems problems;

    CsvInventoryParser(InventoryBuilder builder, Problems problems) {
        this.builder = builder;
        this.problems = problems;
    }

    void parse(Path file) {
        String shown = file.toString();
        List<String> lines;
        try {
            lines = BoundedRead.text(file, BoundedRead.TEXT).lines().toList();
        } catch (IOException e) {
            problems.add(new Location(shown, 1, 1), "cannot read: " + BoundedRead.problem(file, e));
            return;
        }
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            problems.add(new Location(shown, 1, 1), "the CSV inventory is empty (a header row is needed: host,...)");
            return;
        }
        List<Cell> header = cells(lines.get(headerLine), new Location(shown, headerLine + 1, 1));
        if (header == null) {
            return;
        }
        List<String> names = header.stream().map(c -> c.text().strip()).toList();
        int hostColumn = names.indexOf("host");
        if (hostColumn < 0) {
            problems.add(new Location(shown, headerLine + 1, 1), "the header names no 'host' column (found: "
                    + String.join(", ", names) + ")");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Location at = new Location(shown, i + 1, 1);
            List<Cell> row = cells(lines.get(i), at);
            if (row == null) {
                continue;
            }
            if (row.size() != names.size()) {
                problems.add(at, "row has " + row.size() + " fields, the header " + names.size());
                continue;
            }
            String host = row.get(hostColumn).text().strip();
            if (host.isEmpty() || !seen.add(host)) {
                problems.add(row.get(hostColumn).at(), host.isEmpty() ? "empty host name"
                        : "host '" + host + "' is already listed above");
                continue;
            }
            if (!row(host, names, row)) {
                return;
            }
        }
    }

    /** False when the inventory is at its host limit. */
    private boolean row(String host, List<String> names, List<Cell> row) {
        List<String> groups = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (names.get(c).equals("groups") || names.get(c).equals("group")) {
                for (String g : row.get(c).text().split("[;\\s]+")) {
                    if (!g.isEmpty()) {
                        groups.add(g);
                    }
                }
            }
        }
        Location at = row.getFirst().at();
        if (groups.isEmpty()) {
            groups.add(Group.UNGROUPED);
        }
        for (String g : groups) {
            builder.group(g, at);
            if (!builder.host(host, g, at)) {
                return false;
            }
        }
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            String text = row.get(c).text().strip();
            if (name.equals("host") || name.equals("groups") || name.equals("group") || text.isEmpty()) {
                continue;
            }
            builder.hostVar(host, name.equals("address") ? "ipmi_host" : name, value(text, row.get(c).at()));
        }
        return true;
    }

    private static YamlScalar value(String text, Location at) {
        if (text.matches("0|-?[1-9][0-9]{0,17}")) {
            return new YamlScalar(text, YamlScalar.Kind.INTEGER, Long.parseLong(text), false, at);
        }
        return YamlScalar.string(text, at);
    }

    private record Cell(String text, Location at) {
    }

    /** The line's fields, or null (and a problem) when a quote is not closed. */
    private List<Cell> cells(String line, Location lineAt) {
        List<Cell> out = new ArrayList<>();
        int i = 0;
        while (true) {
            Location at = new Location(lineAt.file(), lineAt.line(), i + 1);
            StringBuilder field = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        problems.add(at, "quote not closed in this line");
                        return null;
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"' && i < line.length() && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (ch == '"') {
                        break;
                    } else {
                        field.append(ch);
                    }
                }
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            out.add(new Cell(field.toString(), at));
            if (i >= line.length()) {
                return out;
            }
            i++;
        }
    }
}
