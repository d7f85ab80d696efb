# Production image for the web and worker processes (docker-compose.yml runs both from it).
FROM node:22-bookworm-slim

ENV NODE_ENV=production \
    ADMIN_JS_TMP_DIR=/app/.adminjs \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app

# Full install: `prisma generate` runs at install time and writes the client and the AdminJS DMMF.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund && npm cache clean --force

COPY . .
RUN mkdir -p /app/.adminjs /app/.data && chown -R node:node /app/.adminjs /app/.data
USER node

EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:3000/health').then(r => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))"
CMD ["npm", "start"]
