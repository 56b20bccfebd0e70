// The adapter between the arena's JSON lines and a RobotRumble-style robot. Each line in is one
// turn for our whole team; robot(state, unit) is called for each of our units (ascending id, as
// the original does), after initTurn(state) if robot.js defines it. robot.js runs as a plain
// script with the standard library's names already defined, as on robotrumble.org, plus PARAMS
// (the values of params.json). console.log goes to stderr: stdout carries the protocol.
'use strict';
// CommonJS on purpose: the codebase may hold no package.json, and then Node reads .js as CommonJS.
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const vm = require('node:vm');
const { globals, setSpawn } = require('./rumblelib.js');

function loadParams() {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'params.json'), 'utf8'));
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.value]));
  } catch {
    return {};
  }
}

const log = (...args) => process.stderr.write(args.map(String).join(' ') + '\n');
const context = vm.createContext({ ...globals, PARAMS: loadParams(), console: { log, error: log, warn: log } });
const file = path.join(__dirname, 'robot.js');
vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
if (typeof context.robot !== 'function') {
  log('robot.js must define function robot(state, unit)');
  process.exit(1);
}

const TYPE = new Map([
  [globals.ActionType.Move, 'move'],
  [globals.ActionType.Attack, 'attack'],
]);
let spawnKnown = false;

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line);
  if (!spawnKnown) {
    setSpawn(request.map.spawn);
    spawnKnown = true;
  }
  const state = new globals.State(request);
  let actions = {};
  try {
    if (typeof context.initTurn === 'function') context.initTurn(state);
    for (const id of request.ids) {
      let action;
      try {
        action = context.robot(state, state.objById(id));
      } catch (e) {
        log(e && e.stack ? e.stack : String(e)); // as in the original: this unit does nothing
        continue;
      }
      if (action instanceof globals.Action)
        actions[id] = { type: TYPE.get(action.type), direction: action.direction.enumKey.toLowerCase() };
      else if (action !== null && action !== undefined) log(`unit ${id}: robot must return an Action or null`);
    }
  } catch (e) {
    log(e && e.stack ? e.stack : String(e)); // initTurn failed: the team does nothing this turn
    actions = {};
  }
  process.stdout.write(JSON.stringify({ actions }) + '\n');
});
