// `npm run fake:sig [-- --tickets 250 --port 4010 --layout reordered --slow 2000 --expire-after 2 --refuse-login]`:
// the fake SIG on 127.0.0.1 for trying the call centre's scrape by hand. It prints the settings to start
// the back office with.
import { parseArgs } from 'node:util';
import { sampleSigTickets, startFakeSigSite, type FakeSigSwitches } from '../../integrations/sig/fake-sig-site.js';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '60' },
    port: { type: 'string', default: '4010' },
    layout: { type: 'string', default: 'normal' },
    slow: { type: 'string', default: '0' },
    'expire-after': { type: 'string' },
    'refuse-login': { type: 'boolean', default: false },
  },
});
const layouts: FakeSigSwitches['layout'][] = ['normal', 'reordered', 'renamedNumber', 'noTable'];
const layout = layouts.find((l) => l === values.layout);
if (!layout) {
  console.error(`--layout must be one of ${layouts.join(', ')}`);
  process.exit(64);
}
const site = await startFakeSigSite({
  tickets: sampleSigTickets(Number(values.tickets)),
  port: Number(values.port),
  switches: {
    layout,
    slowPageMs: Number(values.slow),
    expireSessionAfterPages: values['expire-after'] === undefined ? null : Number(values['expire-after']),
    refuseLogin: values['refuse-login'],
  },
});
console.log(`Fake SIG at ${site.url} with ${site.tickets.length} open tickets. Start the back office with:`);
console.log(`  SIG_URL=${site.url} SIG_USERNAME=${site.credentials.username} SIG_PASSWORD=${site.credentials.password} npm start`);
process.once('SIGINT', () => void site.close().then(() => process.exit(0)));
