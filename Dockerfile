# syntax=docker/dockerfile:1
# Build: compile TypeScript and keep production dependencies only.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY drizzle ./drizzle
RUN npm run build && npm prune --omit=dev

# Run: non-root, migrations are applied by the bot at start.
# The listener binds 127.0.0.1 (the default), which the health check below reaches from inside
# the container. Webhook mode must publish it: set HOST=0.0.0.0 and METRICS_TOKEN (or
# METRICS_PUBLIC=true), as docker-compose.yml does; without either, /metrics answers 404.
FROM node:20-bookworm-slim
ENV NODE_ENV=production DATABASE_PATH=/data/bot.sqlite HOST=127.0.0.1 PORT=8080
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/drizzle ./drizzle
COPY package.json ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
