package surfer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import robocode.AdvancedRobot;
import robocode.Rules;
import robocode.ScannedRobotEvent;
import robocode.util.Utils;

/**
 * Segmented guess-factor gun. Every scan sends a virtual bullet (a wave); when it passes the
 * target, the target's angle off the wave's line, over the widest angle it could have reached
 * and signed by its sideways direction, is counted in a bin. The counts are kept apart by
 * distance and by the target's sideways speed (a robot moving sideways fast and one standing
 * still end up in different places), so each situation learns its own aim. Waves of real
 * bullets count more. Static counts: learning carries over the battle's rounds.
 */
final class SegmentedGun {
  private static final int BINS = 31;
  private static final int MIDDLE = (BINS - 1) / 2;
  private static final int DISTANCES = 4;
  private static final int SPEEDS = 3;
  private static final double[][][] STATS = new double[DISTANCES][SPEEDS][BINS];

  private final AdvancedRobot me;
  private final List<Shot> shots = new ArrayList<>();
  private int lateralDirection = 1;

  SegmentedGun(AdvancedRobot me) {
    this.me = me;
  }

  void onScan(ScannedRobotEvent e, double bearing) {
    double x = me.getX() + Math.sin(bearing) * e.getDistance();
    double y = me.getY() + Math.cos(bearing) * e.getDistance();
    settle(x, y);
    double power = power(e);
    double lateral = e.getVelocity() * Math.sin(e.getHeadingRadians() - bearing);
    if (lateral != 0) lateralDirection = lateral > 0 ? 1 : -1;
    double[] stats = STATS[Math.min(DISTANCES - 1, (int) (e.getDistance() / 200))][speedSegment(Math.abs(lateral))];
    double speed = Rules.getBulletSpeed(power);
    int best = MIDDLE;
    for (int i = 0; i < BINS; i++) if (stats[i] > stats[best]) best = i;
    double aim = bearing + lateralDirection * (best - MIDDLE) / (double) MIDDLE * Math.asin(Rules.MAX_VELOCITY / speed);
    // Bullets leave along last turn's gun heading: fire only if that is close to this aim.
    boolean fire = me.getGunHeat() == 0 && Math.abs(me.getGunTurnRemainingRadians()) < 0.04 && me.getEnergy() > power;
    if (fire) me.setFire(power);
    shots.add(new Shot(me.getX(), me.getY(), bearing, speed, me.getTime(), lateralDirection, stats, fire ? 3 : 1));
    me.setTurnGunRightRadians(Utils.normalRelativeAngle(aim - me.getGunHeadingRadians()));
  }

  /** Hard when close or when the target is weak on energy; never so hard that we disable ourselves. */
  private double power(ScannedRobotEvent e) {
    double power = Math.min(3, Math.max(1.2, 500 / e.getDistance()));
    if (me.getEnergy() < 20) power = Math.min(power, me.getEnergy() / 15);
    // Just enough to kill: 4p damage up to p = 1, 6p - 2 above.
    double kill = e.getEnergy() <= 4 ? e.getEnergy() / 4 : (e.getEnergy() + 2) / 6;
    return Math.max(Rules.MIN_BULLET_POWER, Math.min(power, kill + 0.05));
  }

  private static int speedSegment(double lateralSpeed) {
    return lateralSpeed < 2 ? 0 : lateralSpeed < 6 ? 1 : 2;
  }

  /** Counts the shots that have reached the target at (x, y) and drops them. */
  private void settle(double x, double y) {
    for (Iterator<Shot> it = shots.iterator(); it.hasNext(); ) {
      Shot s = it.next();
      if ((me.getTime() - s.time) * s.speed < Math.hypot(x - s.x, y - s.y) - 18) continue;
      double offset = Utils.normalRelativeAngle(Math.atan2(x - s.x, y - s.y) - s.bearing);
      double factor = offset / Math.asin(Rules.MAX_VELOCITY / s.speed) * s.direction;
      int bin = (int) Math.max(0, Math.min(BINS - 1, Math.round(factor * MIDDLE + MIDDLE)));
      s.stats[bin] += s.weight;
      it.remove();
    }
  }

  /** A wave of ours: a real or virtual bullet and the counts it adds to when it arrives. */
  private static final class Shot {
    final double x;
    final double y;
    final double bearing;
    final double speed;
    final long time;
    final int direction;
    final double[] stats;
    final double weight;

    Shot(double x, double y, double bearing, double speed, long time, int direction, double[] stats, double weight) {
      this.x = x;
      this.y = y;
      this.bearing = bearing;
      this.speed = speed;
      this.time = time;
      this.direction = direction;
      this.stats = stats;
      this.weight = weight;
    }
  }
}
