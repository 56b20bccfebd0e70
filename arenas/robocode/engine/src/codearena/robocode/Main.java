package codearena.robocode;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import robocode.control.RobocodeEngine;

/**
 * codearena's RoboCode driver, run by /usr/local/bin/codearena-robocode inside the arena image:
 *   engine --player ID=DIR ...   build the players, then play sims asked for on stdin (Engine)
 *   check DIR                    build DIR and play a 1-round smoke battle; one JSON line
 *   battle DIR [OPPONENT ...]    for agents: play against reference bots, print a table
 * Robot code only ever runs in this JVM, under Robocode's security manager.
 */
public final class Main {
  static final String SAMPLES = "/usr/share/games/robocode/robots";
  static final String HOME = "/opt/codearena-robocode";

  private Main() {}

  public static void main(String[] args) {
    // First thing: the engine and robots print to System.out; fd 1 carries protocol lines only.
    PrintStream err = System.err;
    System.setOut(err);
    File wd = new File(System.getProperty("WORKINGDIRECTORY", ""));
    int code;
    try {
      if (!wd.isDirectory()) {
        err.println("codearena-robocode: -DWORKINGDIRECTORY must name a writable directory (run via codearena-robocode)");
        code = 2;
      } else {
        String mode = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        code = switch (mode) {
          case "engine" -> Engine.run(wd, rest);
          case "check" -> check(wd, rest);
          case "battle" -> Cli.run(wd, rest);
          default -> {
            err.println("usage: codearena-robocode engine --player ID=DIR [--player ID=DIR ...]\n"
                + "       codearena-robocode check DIR\n"
                + "       codearena-robocode battle DIR [OPPONENT ...] [--rounds N] [--seed S] [--width W --height H] [--json]");
            yield 2;
          }
        };
      }
    } catch (Throwable t) {
      t.printStackTrace(err);
      code = 70;
    }
    // The mktemp'd working dir of the wrapper only: never a directory someone else passed.
    if (wd.getName().startsWith("rc.") && "/tmp".equals(wd.getParent())) Build.delete(wd);
    err.flush();
    // Robocode leaves non-daemon threads behind.
    System.exit(code);
  }

  static long uptimeMs() {
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }

  /** Points the engine at the built robots (and Robocode's samples), then starts it. */
  static RobocodeEngine startEngine(File wd, List<File> robotDirs) throws IOException {
    File props = new File(wd, "config/robocode.properties");
    Files.createDirectories(props.getParentFile().toPath());
    StringBuilder path = new StringBuilder();
    for (File d : robotDirs) path.append(d.getPath()).append(File.pathSeparatorChar);
    path.append(SAMPLES);
    Files.writeString(props.toPath(), "\nrobocode.options.development.path=" + path + "\n", StandardCharsets.ISO_8859_1,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    RobocodeEngine.setLogMessagesEnabled(false);
    return new RobocodeEngine(wd);
  }

  /** A built robot the engine's repository does not accept is a build failure too. */
  static Build.Result accepted(RobocodeEngine engine, Build.Result b) {
    if (!b.ok() || engine.getLocalRepository(b.selector()).length == 1) return b;
    return new Build.Result(false, b.robot(), "Robocode does not accept " + b.robot()
        + " as a robot (see robocode.Robot / AdvancedRobot; the class must be public with a no-argument constructor)", "");
  }

  static int check(File wd, String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: codearena-robocode check DIR");
      return 2;
    }
    Build.Result b = Build.build(new File(args[0]), "check", new File(wd, "players/check"));
    if (b.ok()) {
      RobocodeEngine engine = startEngine(wd, List.of(new File(wd, "players/check")));
      b = accepted(engine, b);
      if (b.ok()) {
        Battle battle = new Battle(engine);
        Battle.Outcome o = battle.play(null, 1, new String[] {b.selector(), "sample.SittingDuck"}, 0,
            new Battle.Args(800, 600, 1, 0.1, 450, false));
        List<String> why = new ArrayList<>();
        for (Battle.Fault f : o.faults()) if (f.seat() == 0) why.add(f.kind() + ": " + f.detail());
        if (o.error() != null) why.add(o.error());
        b = why.isEmpty()
            ? new Build.Result(true, b.robot(), "1 round vs sample.SittingDuck: score " + o.seats()[0].score(), b.selector())
            : new Build.Result(false, b.robot(), Build.cap("the smoke battle vs sample.SittingDuck failed: " + String.join("\n", why)), "");
      }
      engine.close();
    }
    Out.line("{\"type\":\"check\",\"ok\":" + b.ok() + ",\"robot\":" + Json.q(b.robot()) + ",\"detail\":" + Json.q(b.detail()) + "}");
    return 0;
  }
}
