# certflow BullMQ worker (timers, outbox relay, mail). Build from the repository root:
#   docker build -f docker/worker.Dockerfile -t certflow-worker .
# Expects `pnpm --filter @certflow/worker build` to write dist/main.js (tsup), like the server.
FROM node:20-bookworm-slim AS build
RUN npm i -g pnpm@10
WORKDIR /repo
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm --filter @certflow/worker build \
 && pnpm --filter @certflow/worker deploy --prod --legacy --config.node-linker=hoisted /out \
 && cp -r packages/db/drizzle /out/drizzle

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out /app
USER node
# SIGTERM → the worker closes its BullMQ workers and connections (stop_grace_period in compose).
CMD ["node", "dist/main.js"]
