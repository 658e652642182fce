package org.openoqs.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.openoqs.core.population.Personas;
import picocli.CommandLine.Command;

/** Prints the built-in synthetic test personas as UTF-8 CSV with a header row. */
@Command(name = "personas", mixinStandardHelpOptions = true,
        description = "Prints the built-in synthetic test personas as CSV (UTF-8, header row).")
public final class PersonasCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(Personas.toCsv());
        out.flush();
        return 0;
    }
}
