package starter;

import robocode.AdvancedRobot;
import robocode.ScannedRobotEvent;

/**
 * What we know about the robot we fight: its last scanned position, heading, speed and energy.
 * With several opponents it keeps the closest one (a newly seen robot replaces the target when
 * it is clearly closer, or when the target has not been seen for a while).
 */
final class Target {
  /** Turns without a scan after which the target is considered lost. */
  static final long STALE_TURNS = 8;

  String name;
  double x;
  double y;
  double heading;
  double velocity;
  double energy;
  double distance;
  long seenAt = -1000;

  void seen(AdvancedRobot me, ScannedRobotEvent e) {
    boolean same = e.getName().equals(name);
    boolean closer = e.getDistance() < distance - 100;
    if (!same && !closer && !isStale(me.getTime())) return;
    double bearing = me.getHeadingRadians() + e.getBearingRadians();
    name = e.getName();
    x = me.getX() + Math.sin(bearing) * e.getDistance();
    y = me.getY() + Math.cos(bearing) * e.getDistance();
    heading = e.getHeadingRadians();
    velocity = e.getVelocity();
    energy = e.getEnergy();
    distance = e.getDistance();
    seenAt = e.getTime();
  }

  void died(String who) {
    if (who.equals(name)) seenAt = -1000;
  }

  boolean isStale(long now) {
    return now - seenAt > STALE_TURNS;
  }

  /** Absolute angle (radians, 0 = north, clockwise) from the robot to the target. */
  double bearingFrom(AdvancedRobot me) {
    return Math.atan2(x - me.getX(), y - me.getY());
  }

  double distanceFrom(AdvancedRobot me) {
    return Math.hypot(x - me.getX(), y - me.getY());
  }
}
