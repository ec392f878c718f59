package io.ipmirunner.report;

import io.ipmirunner.executor.JournalCodec;
import io.ipmirunner.executor.JournalException;
import io.ipmirunner.util.BoundedRead;
import io.ipmirunner.util.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The reports of a run directory, always made from its journal: {@code report.html}, {@code report.json} and
 * {@code junit.xml} next to {@code journal.jsonl}, or one format (or a user's template) as text. Rendering from
 * the journal rather than from live events is what makes a report of an interrupted run, and
 * {@code report RUN_DIR} later, the same as the one written at the end of the run.
 */
public final class Reports {
    public static final List<String> FORMATS = List.of("html", "json", "junit", "csv");
    private static final Map<String, String> SHIPPED = Map.of("html", "report.html.ftl", "junit", "junit.xml.ftl",
            "csv", "csv-inventory.ftl");

    private Reports() {}

    /** Writes the three reports into {@code runDir}; returns the path of report.html. */
    public static Path writeAll(Path runDir) throws IOException {
        return writeAll(runDir, Optional.empty());
    }

    /**
     * As {@link #writeAll(Path)}, from the journal's entries as it wrote them when it has them all
     * ({@link io.ipmirunner.executor.Journal#wholeRun}), else from the file.
     */
    public static Path writeAll(Path runDir, Optional<List<JournalCodec.Entry>> entries) throws IOException {
        return write(runDir, entries.isPresent() ? ReportModel.of(RunReader.of(entries.get())) : model(runDir));
    }

    /** {@code report merge}: the reports of the shards' run directories as one run, written into {@code outDir}. */
    public static Path merge(List<Path> runDirs, Path outDir) throws IOException {
        List<RunMerge.Part> parts = new ArrayList<>();
        for (Path d : runDirs) {
            parts.add(new RunMerge.Part(d, read(d)));
        }
        RunRecord merged = RunMerge.merge(parts);
        Files.createDirectories(outDir);
        return write(outDir, ReportModel.of(merged));
    }

    /**
     * Makes the shipped templates of {@link #writeAll} ready in the background ({@link Templates#prepare}),
     * report.html's include among them: FreeMarker parses an included template when the include runs, and
     * parsing charts.html.ftl there was a quarter of the reports' CPU at the end of a run (JFR).
     */
    public static void prepare() {
        Templates.prepare(SHIPPED.get("html"), "charts.html.ftl", SHIPPED.get("junit"));
    }

    private static Path write(Path runDir, Map<String, Object> model) throws IOException {
        Templates templates = Templates.shipped();
        Path html = runDir.resolve("report.html");
        // The three at once: the end of every run waits for them, and at a thousand hosts junit.xml and
        // report.html each take a few hundred milliseconds in a fresh JVM. The model is only read (each
        // format copies what it changes), and a FreeMarker Configuration renders on many threads.
        FutureTask<Void> json = background(() -> write(runDir.resolve("report.json"), json(model)));
        FutureTask<Void> junit = background(() -> write(runDir.resolve("junit.xml"),
                templates.render(SHIPPED.get("junit"), JunitModel.of(model))));
        write(html, html(templates, model));
        await(json, "report.json");
        await(junit, "junit.xml");
        return html;
    }

    private interface Work {
        void run() throws IOException;
    }

    private static FutureTask<Void> background(Work work) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            work.run();
            return null;
        });
        Thread.ofVirtual().start(task);
        return task;
    }

    private static void await(FutureTask<Void> task, String file) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(file + " not written: interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ReportException(ReportException.Kind.FAILED, file + ": " + e.getCause());
        }
    }

    /** One format ({@code html}, {@code json}, {@code junit}, {@code csv}) of the run, as text. */
    public static String render(Path runDir, String format) throws IOException {
        Map<String, Object> model = model(runDir);
        Templates templates = Templates.create(null);
        return switch (format) {
            case "json" -> json(model);
            case "html" -> html(templates, model);
            case "junit" -> templates.render(SHIPPED.get("junit"), JunitModel.of(model));
            case "csv" -> templates.render(SHIPPED.get("csv"), model);
            default -> throw new ReportException(ReportException.Kind.MISSING, "unknown format '" + format + "' (" + String.join("|", FORMATS) + ")");
        };
    }

    /** A user's FreeMarker template, given the same model as report.json. */
    public static String render(Path runDir, Path template) throws IOException {
        if (!Files.isRegularFile(template)) {
            throw new ReportException(ReportException.Kind.MISSING, "template not found: " + template);
        }
        if (Files.size(template) > BoundedRead.TEXT.bytes()) {
            throw new ReportException(ReportException.Kind.DAMAGED, "template " + template + " is larger than "
                    + BoundedRead.TEXT.bytes() / (1024 * 1024) + " MiB");
        }
        Path dir = template.toAbsolutePath().getParent();
        return Templates.create(dir).render(template.getFileName().toString(), model(runDir));
    }

    /**
     * The drift between two run directories: text, the page diff.html.ftl makes of it, and the same model as
     * JSON (report diff --json).
     */
    public static Diff diff(Path runA, Path runB) throws IOException {
        RunDiff.Result r = RunDiff.compare(read(runA), read(runB));
        Map<String, Object> model = RunDiff.model(r, runA.toString(), runB.toString());
        return new Diff(RunDiff.text(r, runA.toString(), runB.toString()),
                Templates.create(null).render("diff.html.ftl", model), Json.pretty(model), r.hostsWithDrift());
    }

    public record Diff(String text, String html, String json, long hostsWithDrift) {}

    private static RunRecord read(Path runDir) throws IOException {
        try {
            return RunReader.read(runDir);
        } catch (NoSuchFileException e) {
            throw new ReportException(ReportException.Kind.MISSING, "no journal in " + runDir + " (expected " + runDir.resolve("journal.jsonl")
                    + ")");
        } catch (JournalException e) {
            throw new ReportException(ReportException.Kind.DAMAGED, "cannot read " + runDir.resolve("journal.jsonl")
                    + ": " + e.getMessage());
        } catch (BoundedRead.Refused e) {
            throw new ReportException(ReportException.Kind.DAMAGED, "cannot read " + e.getMessage());
        } catch (IOException e) {
            // not a directory, a journal that is a directory, no permission: the RUN_DIR named is wrong
            throw new ReportException(ReportException.Kind.MISSING, "cannot read "
                    + BoundedRead.problem(runDir.resolve("journal.jsonl"), e));
        }
    }

    public static Map<String, Object> model(Path runDir) throws IOException {
        return ReportModel.of(read(runDir));
    }

    static String json(Map<String, Object> model) {
        return Json.pretty(model) + "\n";
    }

    /** A failure group's --limit ranges in report.html, in characters; report.json has them whole. */
    private static final int RANGES_SHOWN = 4000;

    static String html(Templates templates, Map<String, Object> model) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>(model);
        // Lone surrogates and control characters become U+FFFD: JSON.parse would hand them to the DOM as they are.
        Map<String, Object> data = XmlText.clean(HtmlData.of(model));
        // Each host's task results stay gzip'd in the page until someone opens that host (HtmlData.packed).
        m.put("details_json", HtmlData.scriptJson(HtmlData.packed((List<?>) data.remove("details"))));
        m.put("data_json", HtmlData.scriptJson(data));
        m.put("charts", Charts.of(model));
        List<Map<String, Object>> failures = new ArrayList<>();
        for (Object o : (List<?>) model.get("failures")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> g = new LinkedHashMap<>((Map<String, Object>) o);
            List<?> hosts = (List<?>) g.get("hosts");
            g.put("hosts", hosts.subList(0, Math.min(hosts.size(), 100)));
            String ranges = String.valueOf(g.get("host_ranges"));
            if (ranges.length() > RANGES_SHOWN) {
                int cut = ranges.lastIndexOf(',', RANGES_SHOWN);
                g.put("host_ranges", ranges.substring(0, cut > 0 ? cut : RANGES_SHOWN));
                g.put("host_ranges_cut", true);
            }
            failures.add(g);
        }
        m.put("failures", failures);
        return templates.render(SHIPPED.get("html"), m);
    }

    /**
     * Written beside and moved into place, so a reader never sees half a report. getBytes, not writeString:
     * a lone surrogate from a BMC's bytes becomes '?' instead of failing the whole report.
     */
    public static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, text.getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
