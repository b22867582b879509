package se.iop.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server log of the WildFly the tests run ({@code jboss.home}, set by the ear module's pom), read from a
 * mark on: what the server logged while a test did something.
 */
public final class ServerLog {

    /** "2026-12-03 12:20:01,234 ERROR [category] (default task-3) message" */
    private static final Pattern RECORD = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} +([A-Z]+) +\\[([^\\]]*)\\] \\((.*?)\\) (.*)$");

    private final Path file;
    private long mark;

    private ServerLog(Path file) {
        this.file = file;
        this.mark = size();
    }

    /** The log, marked at its present end. */
    public static ServerLog marked() {
        String home = System.getProperty("jboss.home");
        if (home == null) {
            throw new IllegalStateException("jboss.home is not set: run the integration tests through Maven (ear/pom.xml)");
        }
        Path file = Path.of(home, "standalone", "log", "server.log");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No server log at " + file);
        }
        return new ServerLog(file);
    }

    /** Another server's log (e.g. a {@link Node}'s), marked at its present end. */
    public static ServerLog marked(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No server log at " + file);
        }
        return new ServerLog(file);
    }

    public Path file() {
        return file;
    }

    /** One message: its first line and the lines after it (a stack trace). */
    public record Entry(String level, String category, String thread, String message, List<String> more) {

        /** Written by a thread that serves HTTP requests (and runs the EJB calls they make). */
        public boolean ofRequest() {
            return thread.startsWith("default task-");
        }

        public boolean hasStackTrace() {
            return more.stream().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by: "));
        }

        @Override
        public String toString() {
            return level + " [" + category + "] (" + thread + ") " + message
                    + (more.isEmpty() ? "" : " (+" + more.size() + " lines: " + more.get(0) + " …)");
        }
    }

    /** What was logged since the mark (waiting a moment for the handler to write), and the mark moved on. */
    public List<Entry> sinceMark() {
        try {
            Thread.sleep(300);
            long end = size();
            byte[] bytes;
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                long from = end < mark ? 0 : mark; // rotated
                f.seek(from);
                bytes = new byte[(int) (end - from)];
                f.readFully(bytes);
            }
            mark = end;
            return parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] head = null;
        List<String> more = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher m = RECORD.matcher(line);
            if (m.matches()) {
                if (head != null) {
                    entries.add(new Entry(head[0], head[1], head[2], head[3], List.copyOf(more)));
                }
                head = new String[] {m.group(1), m.group(2), m.group(3), m.group(4)};
                more.clear();
            } else if (head != null && !line.isEmpty()) {
                more.add(line);
            }
        }
        if (head != null) {
            entries.add(new Entry(head[0], head[1], head[2], head[3], List.copyOf(more)));
        }
        return entries;
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
