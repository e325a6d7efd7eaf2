# certflow API server. Build from the repository root:
#   docker build -f docker/server.Dockerfile -t certflow-server .
FROM node:20-bookworm-slim AS build
RUN npm i -g pnpm@10
WORKDIR /repo
COPY . .
RUN pnpm install --frozen-lockfile
# tsc builds every workspace package (dist/); `deploy` copies them and the third-party packages,
# hoisted, into /out; @certflow/db ships its migrations (drizzle/) beside its dist/.
RUN pnpm --filter @certflow/server build \
 && pnpm --filter @certflow/server deploy --prod --legacy --config.node-linker=hoisted /out

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 CERTFLOW_DATA_DIR=/data
WORKDIR /app
COPY --from=build /out /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
