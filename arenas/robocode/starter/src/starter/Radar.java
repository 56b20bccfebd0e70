package starter;

import robocode.AdvancedRobot;
import robocode.util.Utils;

/**
 * Radar: spins until it finds a target, then locks on it. The lock turns the radar past the
 * target by a factor (Params.radarLockFactor), so the beam sweeps over it every turn and the
 * target is scanned every turn even while it moves.
 */
final class Radar {
  private final AdvancedRobot me;

  Radar(AdvancedRobot me) {
    this.me = me;
  }

  void turn(Target target) {
    if (target.isStale(me.getTime())) {
      me.setTurnRadarRightRadians(Double.POSITIVE_INFINITY);
      return;
    }
    double offset = Utils.normalRelativeAngle(target.bearingFrom(me) - me.getRadarHeadingRadians());
    me.setTurnRadarRightRadians(offset * Params.radarLockFactor);
  }
}
