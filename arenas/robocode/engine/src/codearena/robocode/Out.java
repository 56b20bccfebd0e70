package codearena.robocode;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The protocol channel: fd 1, one JSON object per line, flushed per line. Taken before
 * System.out is pointed at stderr, so nothing the engine or a robot prints can reach it.
 */
final class Out {
  private static final PrintStream OUT =
      new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);

  private Out() {}

  static synchronized void line(String json) {
    OUT.print(json);
    OUT.print('\n');
    OUT.flush();
  }
}
