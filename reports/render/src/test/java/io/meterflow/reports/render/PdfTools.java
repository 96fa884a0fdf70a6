package io.meterflow.reports.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Poppler's command-line tools (Debian poppler-utils), as a person would check a PDF. */
final class PdfTools {

    private PdfTools() {}

    /** The PDF's text as {@code pdftotext -layout} extracts it, with no-break spaces made plain. */
    static String text(Path pdf) throws IOException, InterruptedException {
        return run(List.of("pdftotext", "-layout", pdf.toString(), "-"))
                .replace('\u00a0', ' ')
                .replace('\u202f', ' ');
    }

    static String fonts(Path pdf) throws IOException, InterruptedException {
        return run(List.of("pdffonts", pdf.toString()));
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " is missing: apt-get install -y poppler-utils", e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(command + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
