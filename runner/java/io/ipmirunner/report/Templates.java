package io.ipmirunner.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.core.XMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import io.ipmirunner.install.InstallRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * FreeMarker for reports. Templates are looked up in the install's {@code reports/} ({@link InstallRoot}), then
 * in a user template's own directory, then in the copy packaged in the jar.
 * {@code *.html.ftl} / {@code *.ftlh} escape every interpolation as HTML, {@code *.xml.ftl} / {@code *.ftlx}
 * as XML: escaping is the default, {@code ?no_esc} the visible exception.
 */
public final class Templates {
    private final Configuration config;

    /** The shipped templates being made ready by {@link #prepare}, once it was called. */
    private static FutureTask<Templates> prepared;

    private Templates(Configuration config) {
        this.config = config;
    }

    /**
     * Starts making the shipped templates ready on a thread of its own: the Configuration and the parse of
     * {@code names}. A command calls it first thing, so this runs on the core start-up leaves idle (it reads
     * its command line and inventory on one thread) instead of after the run's last host, where it cost
     * about 50 of 100 samples of the reports' CPU in a cold JVM (JFR, exec on 1,000 BMCs).
     */
    public static synchronized void prepare(String... names) {
        if (prepared != null) {
            return;
        }
        prepared = new FutureTask<>(() -> {
            Templates t = create(null);
            for (String n : names) {
                t.config.getTemplate(n);
            }
            return t;
        });
        Thread.ofPlatform().daemon().name("report-templates").start(prepared);
    }

    /**
     * The shipped templates: those {@link #prepare} made ready, else new ones. A template it could not parse
     * is parsed again by {@link #render}, which says what is wrong with it.
     */
    public static Templates shipped() throws IOException {
        FutureTask<Templates> p;
        synchronized (Templates.class) {
            p = prepared;
        }
        if (p != null) {
            try {
                return p.get();
            } catch (ExecutionException e) {
                // as if never prepared
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return create(null);
    }

    /** The shipped templates, plus those next to {@code userTemplateDir} when given. */
    public static Templates create(Path userTemplateDir) throws IOException {
        List<TemplateLoader> loaders = new ArrayList<>();
        if (userTemplateDir != null) {
            loaders.add(new FileTemplateLoader(userTemplateDir.toFile()));
        }
        Path shipped = InstallRoot.path().resolve("reports");
        if (Files.isDirectory(shipped)) {
            loaders.add(new FileTemplateLoader(shipped.toFile()));
        }
        loaders.add(new ClassTemplateLoader(Templates.class, "/reports"));
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        c.setRecognizeStandardFileExtensions(true);
        c.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.html.ftl"),
                        format(HTMLOutputFormat.INSTANCE)),
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.xml.ftl"),
                        format(XMLOutputFormat.INSTANCE))).allowNoMatch(true));
        c.setDefaultEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        return new Templates(c);
    }

    private static TemplateConfiguration format(freemarker.core.OutputFormat f) {
        TemplateConfiguration tc = new TemplateConfiguration();
        tc.setOutputFormat(f);
        return tc;
    }

    /** Renders {@code name} with the model; a template problem is a {@link ReportException} naming the line. */
    public String render(String name, Map<String, Object> model) throws IOException {
        Template t;
        try {
            t = config.getTemplate(name);
        } catch (freemarker.core.ParseException e) {
            throw new ReportException(ReportException.Kind.DAMAGED, name + ":" + e.getLineNumber() + ":"
                    + e.getColumnNumber() + ": " + e.getEditorMessage());
        } catch (freemarker.template.TemplateNotFoundException e) {
            throw new ReportException(ReportException.Kind.MISSING, "template not found: " + name);
        }
        StringWriter out = new StringWriter();
        try {
            t.process(model, out);
        } catch (TemplateException e) {
            throw new ReportException(ReportException.Kind.FAILED, name + ":" + e.getLineNumber() + ":"
                    + e.getColumnNumber() + ": " + e.getMessageWithoutStackTop().lines().findFirst().orElse("template error"));
        }
        return out.toString();
    }
}
