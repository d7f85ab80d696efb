# Production image for the web and worker processes (docker-compose.yml runs both from it).
FROM node:22-bookworm-slim

ENV NODE_ENV=production \
    ADMIN_JS_TMP_DIR=/app/.adminjs \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app

# `prisma generate` runs at install time (postinstall) and writes the client and the AdminJS DMMF; it needs
# the devDependencies (the CLI, the generator helper), which NODE_ENV=production would leave out, so they
# are installed and dropped once generation is done. The lockfile must satisfy `npm ci` on a clean clone:
# .ci/replay-dockerfile.ts replays these steps in CI.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --include=dev --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund && npm cache clean --force

COPY . .
RUN mkdir -p /app/.adminjs /app/.data && chown -R node:node /app/.adminjs /app/.data
USER node

EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:3000/health').then(r => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))"
# Node itself, not `npm start`: `docker stop` sends SIGTERM to this process, and npm exits on it without
# passing it on, so the back office would be killed instead of closing its server, queue and pool in order.
CMD ["node", "--import", "tsx", "server/main.ts"]
