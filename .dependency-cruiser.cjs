// Which folder may import which (README, "How to add a module"). Every import points down:
//   server/  →  admin/  →  resources/ ⇄ admin/ (the AdminJS layer)  →  jobs/  →  domain/  →  integrations/, prisma/
// domain/ holds the plant's rules and operations, free of HTTP and AdminJS; integrations/ are drivers for
// outside systems behind small interfaces; prisma/ is the schema, the client and the seeds. No file
// cycles anywhere. test/architecture.test.ts runs this on every `npm test`; `npx depcruise -c
// .dependency-cruiser.cjs admin domain resources server jobs integrations prisma` prints the same report.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle ties files together so that neither can change or load alone: move what both need into a third file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-points-down',
      severity: 'error',
      comment: 'domain/ is free of HTTP, AdminJS and the queue: it imports nothing from admin/, resources/, server/ or jobs/ (pass what it needs as arguments).',
      from: { path: '^domain/' },
      to: { path: '^(admin|resources|server|jobs|test|bench)/' },
    },
    {
      name: 'prisma-points-down',
      severity: 'error',
      comment: 'prisma/ (schema, client, migrations, seeds) imports nothing of the application: not domain/, server/, admin/, resources/ or jobs/.',
      from: { path: '^prisma/' },
      to: { path: '^(domain|server|admin|resources|jobs|integrations|test|bench)/' },
    },
    {
      name: 'integrations-declare-their-own-types',
      severity: 'error',
      comment: 'An integration is a driver for one outside system: it declares its own settings and types, and imports nothing of the application (domain/ imports it, not the other way).',
      from: { path: '^integrations/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(domain|server|admin|resources|jobs|prisma|bench)/' },
    },
    {
      name: 'jobs-below-the-web',
      severity: 'error',
      comment: 'jobs/ run in the worker process: they call domain operations, never the AdminJS or HTTP layers.',
      from: { path: '^jobs/' },
      to: { path: '^(admin|resources|server|test|bench)/' },
    },
    {
      name: 'back-office-below-the-process',
      severity: 'error',
      comment: 'server/ composes the process (configuration, HTTP app, worker); admin/ and resources/ receive what they need from it.',
      from: { path: '^(admin|resources)/' },
      to: { path: '^(server|test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|prisma/generated)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
