package starter;

import java.awt.Color;
import robocode.AdvancedRobot;
import robocode.HitByBulletEvent;
import robocode.HitWallEvent;
import robocode.RobotDeathEvent;
import robocode.ScannedRobotEvent;

/**
 * The starter robot. It only wires the parts together: every turn the radar, the movement and
 * the gun each queue their orders (set... calls) and one execute() sends them all, so all three
 * act in the same turn. Events update what we know about the target between turns.
 */
public class Starter extends AdvancedRobot {
  private final Target target = new Target();
  private Radar radar;
  private Movement movement;
  private Gun gun;

  @Override
  public void run() {
    setColors(new Color(40, 90, 160), new Color(230, 230, 230), new Color(250, 200, 40));
    // Turn body, gun and radar independently; otherwise turning the body drags gun and radar.
    setAdjustGunForRobotTurn(true);
    setAdjustRadarForGunTurn(true);
    radar = new Radar(this);
    movement = new Movement(this);
    gun = new Gun(this);
    while (true) {
      radar.turn(target);
      movement.turn(target);
      gun.turn(target);
      execute(); // ends our turn: the queued orders run, events arrive before the next loop
    }
  }

  @Override
  public void onScannedRobot(ScannedRobotEvent e) {
    target.seen(this, e);
  }

  @Override
  public void onRobotDeath(RobotDeathEvent e) {
    target.died(e.getName());
  }

  @Override
  public void onHitWall(HitWallEvent e) {
    if (movement != null) movement.reverse();
  }

  @Override
  public void onHitByBullet(HitByBulletEvent e) {
    // Being hit means the current path is predictable: change direction early.
    if (movement != null) movement.reverse();
  }
}
