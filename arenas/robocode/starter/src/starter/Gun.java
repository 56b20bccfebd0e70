package starter;

import robocode.AdvancedRobot;
import robocode.Rules;
import robocode.util.Utils;

/**
 * Gun: aims where the target will be if it keeps its current heading and speed (scaled by
 * Params.leadFactor), and fires when the gun is cool and already points close enough.
 */
final class Gun {
  private final AdvancedRobot me;

  Gun(AdvancedRobot me) {
    this.me = me;
  }

  void turn(Target target) {
    if (target.isStale(me.getTime())) return;
    double distance = target.distanceFrom(me);
    double power = power(target, distance);
    // Fire first, with the aim set last turn: a bullet leaves along the gun's heading at the
    // start of this turn, before this turn's gun rotation.
    double tolerance = Math.atan(18 / Math.max(distance, 1)); // half a robot's width
    if (me.getGunHeat() == 0 && Math.abs(me.getGunTurnRemainingRadians()) < tolerance && me.getEnergy() > power) {
      me.setFire(power);
    }
    double aim = aim(target, Rules.getBulletSpeed(power));
    me.setTurnGunRightRadians(Utils.normalRelativeAngle(aim - me.getGunHeadingRadians()));
  }

  /** Full power up close, less far away; capped when low on energy and at what kills. */
  private double power(Target target, double distance) {
    double p = Params.firePower * Math.min(1, Params.fullPowerRange / Math.max(distance, 1));
    if (me.getEnergy() < Params.lowEnergy) p = Math.min(p, 1);
    double killing = target.energy > 4 ? (target.energy + 2) / 6 : target.energy / 4;
    p = Math.min(p, Math.max(killing, Rules.MIN_BULLET_POWER));
    return Math.max(Rules.MIN_BULLET_POWER, Math.min(Rules.MAX_BULLET_POWER, p));
  }

  /** Linear prediction, step by step until the bullet has caught up; stays inside the field. */
  private double aim(Target target, double bulletSpeed) {
    double x = target.x;
    double y = target.y;
    double step = target.velocity * Params.leadFactor;
    double w = me.getBattleFieldWidth();
    double h = me.getBattleFieldHeight();
    long elapsed = me.getTime() - target.seenAt;
    for (long t = -elapsed; t * bulletSpeed < Math.hypot(x - me.getX(), y - me.getY()) && t < 100; t++) {
      x = Math.max(18, Math.min(w - 18, x + Math.sin(target.heading) * step));
      y = Math.max(18, Math.min(h - 18, y + Math.cos(target.heading) * step));
    }
    return Math.atan2(x - me.getX(), y - me.getY());
  }
}
