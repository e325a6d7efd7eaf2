# certflow BullMQ worker (timers, outbox relay, mail). Build from the repository root:
#   docker build -f docker/worker.Dockerfile -t certflow-worker .
# tsc builds every workspace package (dist/); `deploy` copies them and the third-party packages,
# hoisted, into /out; @certflow/db ships its migrations (drizzle/) beside its dist/.
FROM node:20-bookworm-slim AS build
RUN npm i -g pnpm@10
WORKDIR /repo
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm --filter @certflow/worker build \
 && pnpm --filter @certflow/worker deploy --prod --legacy --config.node-linker=hoisted /out

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out /app
USER node
# SIGTERM → the worker closes its BullMQ workers and connections (stop_grace_period in compose).
CMD ["node", "dist/main.js"]
