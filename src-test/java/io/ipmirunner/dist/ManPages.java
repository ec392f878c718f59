package io.ipmirunner.dist;

import io.ipmirunner.cli.Main;
import java.io.File;
import java.io.IOException;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man pages' AsciiDoc sources (ipmi-runner.adoc, ipmi-runner-play.adoc, ...) from the command model,
 * with picocli-codegen's generator; dist/build turns them into roff with asciidoctor. Test scope: the
 * generator is a build tool, the distribution does not carry it.
 */
public final class ManPages {
    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ManPages OUT_DIR");
        }
        System.exit(write(new File(args[0])));
    }

    static int write(File outDir) throws IOException {
        return ManPageGenerator.generateManPage(outDir, null, new boolean[0], true,
                Main.full().getCommandSpec());
    }
}
