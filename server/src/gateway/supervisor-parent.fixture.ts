// A process that runs a supervised gateway and prints its pid: the test kills this parent with
// SIGKILL and checks that the gateway process does not outlive it.
//   node --import tsx supervisor-parent.fixture.ts <index>
import { GatewayProcess } from './supervisor.ts';

const g = await GatewayProcess.start({ index: process.argv[2]!, port: 0 });
process.stdout.write(`gateway pid ${g.pid}\n`);
setInterval(() => {}, 1 << 30); // stay up until killed
