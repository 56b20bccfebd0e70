package orbiter;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import robocode.AdvancedRobot;
import robocode.Rules;
import robocode.ScannedRobotEvent;
import robocode.util.Utils;

/**
 * Guess-factor gun: learns where, within its reachable arc, the target tends to be when a
 * bullet arrives, and aims there. Every scan sends out a "wave" (a virtual bullet); when a wave
 * passes the target we note the target's angle as a fraction of the widest angle it could have
 * reached (-1..1, sign by its sideways direction at firing time) and count it in a bin.
 * Movements that repeat themselves (oscillators, orbiters, wall riders) fill a few bins.
 */
final class GuessFactorGun {
  private static final int BINS = 31;
  /** Counts per distance band (near, middle, far); static so it keeps learning across rounds. */
  private static final double[][] STATS = new double[3][BINS];

  private final AdvancedRobot me;
  private final List<Wave> waves = new ArrayList<>();
  private int lateralDirection = 1;

  GuessFactorGun(AdvancedRobot me) {
    this.me = me;
  }

  /** Aims for this scan and returns the absolute gun angle to fire at with `power`. */
  double aim(ScannedRobotEvent e, double bearing, double power) {
    double x = me.getX() + Math.sin(bearing) * e.getDistance();
    double y = me.getY() + Math.cos(bearing) * e.getDistance();
    passWaves(x, y);
    double lateral = e.getVelocity() * Math.sin(e.getHeadingRadians() - bearing);
    if (lateral != 0) lateralDirection = lateral > 0 ? 1 : -1;
    double[] stats = STATS[band(e.getDistance())];
    double speed = Rules.getBulletSpeed(power);
    waves.add(new Wave(me.getX(), me.getY(), bearing, speed, me.getTime(), lateralDirection, stats));
    int best = BINS / 2;
    for (int i = 0; i < BINS; i++) if (stats[i] > stats[best]) best = i;
    double factor = (best - (BINS - 1) / 2.0) / ((BINS - 1) / 2.0);
    return bearing + lateralDirection * factor * maxEscapeAngle(speed);
  }

  /** Counts the waves that have reached the target at (x, y) and drops them. */
  private void passWaves(double x, double y) {
    for (Iterator<Wave> it = waves.iterator(); it.hasNext(); ) {
      Wave w = it.next();
      double travelled = (me.getTime() - w.time) * w.speed;
      if (travelled < Point2D.distance(w.x, w.y, x, y) - 18) continue;
      double offset = Utils.normalRelativeAngle(Math.atan2(x - w.x, y - w.y) - w.bearing);
      double factor = Math.max(-1, Math.min(1, offset / maxEscapeAngle(w.speed))) * w.direction;
      int bin = (int) Math.round((factor + 1) / 2 * (BINS - 1));
      w.stats[bin]++;
      it.remove();
    }
  }

  private static int band(double distance) {
    return distance < 250 ? 0 : distance < 500 ? 1 : 2;
  }

  /** The widest angle a robot at full speed can get away from a bullet's line. */
  private static double maxEscapeAngle(double bulletSpeed) {
    return Math.asin(Rules.MAX_VELOCITY / bulletSpeed);
  }

  private static final class Wave {
    final double x;
    final double y;
    final double bearing;
    final double speed;
    final long time;
    final int direction;
    final double[] stats;

    Wave(double x, double y, double bearing, double speed, long time, int direction, double[] stats) {
      this.x = x;
      this.y = y;
      this.bearing = bearing;
      this.speed = speed;
      this.time = time;
      this.direction = direction;
      this.stats = stats;
    }
  }
}
