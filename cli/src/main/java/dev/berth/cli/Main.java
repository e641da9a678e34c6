package dev.berth.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code berth} command: {@code doctor}, {@code sweep}, {@code cache}, {@code report}. Exit codes are
 * those of {@link ExitCodes}.
 */
public final class Main {
    private Main() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs one command line.
     *
     * @param args the arguments, e.g. {@code doctor --json}
     * @param out where results go
     * @param err where errors go
     * @param env the environment ({@code DOCKER_HOST} pins the engine)
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Context context = new Context(out, err, env);
        CommandLine line = new CommandLine(new BerthCommand(), new Factory(context));
        line.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        line.setExitCodeExceptionMapper(ExitCodes::of);
        line.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("berth: " + e.getMessage());
            e.getCommandLine().getErr().println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        line.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("berth: " + e.getMessage());
            int code = ExitCodes.of(e);
            if (code == ExitCodes.USAGE) {
                c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            return code;
        });
        return line.execute(args);
    }

    /** Gives every command the context (streams, environment). */
    private record Factory(Context context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (var c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Context.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
