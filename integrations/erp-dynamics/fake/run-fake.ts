// `npm run fake:erp`: the fake Dynamics 365 on 127.0.0.1, for a person to see the ERP module work. It prints
// the settings to give `npm start`; requisitions it receives are approved by the "ERP" after a minute.
// Its switches: POST /fake/switches with e.g. {"throttle":{"count":3,"retryAfterSeconds":2}},
// {"fail":{"count":2,"status":500}}, {"acceptThenTimeout":{"count":1}}, {"latencyMs":800}, {"expireTokens":true}.
import { startFakeDynamics } from './fake-dynamics.js';

const port = Number(process.env.FAKE_ERP_PORT ?? 7365);
const fake = await startFakeDynamics({ port, approveAfterMs: 60_000, latencyMs: Number(process.env.FAKE_ERP_LATENCY_MS ?? 0) });
console.log(`Fake Dynamics 365 listening on ${fake.url}
Start the back office with:
  ERP_DYNAMICS_URL=${fake.url} ERP_DYNAMICS_TOKEN_URL=${fake.tokenUrl} ERP_DYNAMICS_CLIENT_ID=${fake.clientId} ERP_DYNAMICS_CLIENT_SECRET=${fake.clientSecret} ERP_DYNAMICS_COMPANY=usmf npm start
Misbehave: curl -X POST ${fake.url}/fake/switches -d '{"fail":{"count":3,"status":500}}'
State:     curl ${fake.url}/fake/switches`);
const stop = async () => {
  await fake.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
