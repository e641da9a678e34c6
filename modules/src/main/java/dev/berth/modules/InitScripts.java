package dev.berth.modules;

import dev.berth.FileCopy;
import dev.berth.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Init scripts of the SQL modules: {@code .sql} or {@code .sh} files, given as a host path or as
 * {@code classpath:name}, copied into {@code /docker-entrypoint-initdb.d/} (as {@code 01-name.sql}, …)
 * so the image's entry point runs them once, in order, when it creates the database. A failing script
 * stops the container; the start failure then shows the server's message naming the file and line.
 */
public final class InitScripts {
    /** Where the official images (and Berth's fixtures) look for init scripts. */
    public static final String DIRECTORY = "/docker-entrypoint-initdb.d/";
    private static final String ALLOWED = "an existing .sql or .sh file, as a path or classpath:name";

    private InitScripts() {
    }

    /**
     * @param option the option's name for errors, e.g. {@code "PostgreSQL init script"}
     * @param script {@code classpath:schema.sql} or a host path
     * @return the script, checked to exist
     * @throws InvalidSpecException if it does not exist or is not .sql/.sh
     */
    public static String check(String option, String script) {
        String name = script == null ? "" : script.startsWith("classpath:") ? script.substring(10) : script;
        boolean typed = name.endsWith(".sql") || name.endsWith(".sh");
        boolean exists;
        if (script == null || name.isBlank()) {
            exists = false;
        } else if (script.startsWith("classpath:")) {
            exists = loader().getResource(stripSlash(name)) != null;
        } else {
            exists = Files.isRegularFile(Path.of(script));
        }
        if (!typed || !exists) {
            throw new InvalidSpecException(option, String.valueOf(script), ALLOWED, "classpath:schema.sql");
        }
        return script;
    }

    /**
     * @param scripts checked scripts, in order
     * @return the copies into {@link #DIRECTORY}, numbered to keep the order
     */
    public static List<FileCopy> copies(List<String> scripts) {
        List<FileCopy> copies = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            String script = scripts.get(i);
            boolean classpath = script.startsWith("classpath:");
            String source = classpath ? stripSlash(script.substring(10)) : script;
            String base = source.substring(source.lastIndexOf('/') + 1);
            String target = DIRECTORY + String.format("%02d-%s", i + 1, base);
            FileCopy.Content content = classpath ? new FileCopy.ClasspathResource(source)
                    : new FileCopy.HostFile(Path.of(source));
            copies.add(new FileCopy(target, content, 0644));
        }
        return List.copyOf(copies);
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : InitScripts.class.getClassLoader();
    }
}
