# Waymark's production image: the standalone server and nothing else of the repository.
# Node 24 LTS, the version CI runs the standalone server on (npm run test:standalone).

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# Every native package (the password hash, Next's compiler) comes prebuilt: no compiler needed.
RUN npm ci --no-audit --no-fund

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# next build, then the static files, the migrations and prepare.mjs copied into .next/standalone.
RUN npm run build

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
# HOSTNAME: Docker sets it to the container's id, on which server.js would otherwise listen.
# The heap limit is npm start's (PRODUCTION_HEAP_LIMIT_MB in scripts/standalone.ts, "Memory" in the
# README); NODE_OPTIONS may set another.
ENV NODE_ENV=production \
  NEXT_TELEMETRY_DISABLED=1 \
  HOSTNAME=0.0.0.0 \
  PORT=3000 \
  DATA_DIR=/data \
  NODE_OPTIONS=--max-old-space-size=256
# The app's files stay root's; the server may write only its cache and, without DATABASE_URL,
# the embedded database in /data (mount a volume there to keep it).
COPY --from=build /app/.next/standalone ./
RUN mkdir -p .next/cache /data && chown node:node .next/cache /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrate and sync the roadmap content, then serve; exec makes the server PID 1, so it gets SIGTERM.
CMD ["sh", "-c", "node prepare.mjs && exec node server.js"]
