package surfer;

import java.awt.Color;
import robocode.AdvancedRobot;
import robocode.BulletHitEvent;
import robocode.HitByBulletEvent;
import robocode.ScannedRobotEvent;
import robocode.util.Utils;

/**
 * The strongest reference robot, a duellist. Radar locked on its target; moves by wave
 * surfing (it sees each enemy shot as an energy drop, follows the bullet's wave, and drives to
 * whichever side of it has hurt it least so far) and aims with a segmented guess-factor gun
 * (where in its reachable arc the target tends to be, learnt per distance and sideways speed).
 * Nothing random: what it does follows from what it saw. In a melee it fights whichever
 * robot its radar locked on first.
 */
public class Surfer extends AdvancedRobot {
  private WaveSurfing surfing;
  private SegmentedGun gun;

  @Override
  public void run() {
    setColors(new Color(20, 60, 140), new Color(10, 20, 60), new Color(120, 200, 255));
    setAdjustGunForRobotTurn(true);
    setAdjustRadarForGunTurn(true);
    surfing = new WaveSurfing(this);
    gun = new SegmentedGun(this);
    while (true) {
      if (getRadarTurnRemainingRadians() == 0) setTurnRadarRightRadians(Double.POSITIVE_INFINITY);
      execute();
    }
  }

  @Override
  public void onScannedRobot(ScannedRobotEvent e) {
    double bearing = getHeadingRadians() + e.getBearingRadians();
    // Twice the angle to the target: the radar overshoots and keeps it inside the sweep.
    setTurnRadarRightRadians(2 * Utils.normalRelativeAngle(bearing - getRadarHeadingRadians()));
    surfing.onScan(e, bearing);
    gun.onScan(e, bearing);
  }

  @Override
  public void onHitByBullet(HitByBulletEvent e) {
    surfing.onHitByBullet(e);
  }

  @Override
  public void onBulletHit(BulletHitEvent e) {
    surfing.onBulletHit(e);
  }
}
