package sitter;

import java.awt.Color;
import robocode.Robot;
import robocode.ScannedRobotEvent;

/**
 * The weakest reference robot: never moves, sweeps its gun (and the radar on it) round and
 * round, and fires a power-1 bullet straight at whatever the sweep passes over. Anything that
 * moves and aims should beat it.
 */
public class Sitter extends Robot {
  @Override
  public void run() {
    setColors(Color.GRAY, Color.GRAY, Color.LIGHT_GRAY);
    while (true) {
      turnGunRight(10); // a plain Robot's calls block: one call is one or more whole turns
    }
  }

  @Override
  public void onScannedRobot(ScannedRobotEvent e) {
    fire(1);
  }
}
