# syntax=docker/dockerfile:1
# One image for every RareRank service and the CLI. The Helm chart (charts/rarerank) runs it with
# `node dist/services/<name>/src/main.js` per service and `node bin/rarerank.js kb build` for the KB.
#   docker build -t rarerank:0.1.0 .
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first: this layer is reused until the lockfile changes.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY libs ./libs
COPY services ./services
COPY scripts/build-web-app.js ./scripts/build-web-app.js
RUN npm run build && npm prune --omit=dev

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and not writable by the app user: with readOnlyRootFilesystem in Kubernetes
# the code cannot be changed anyway; the only writable paths are /tmp and the mounted volumes.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
# Numeric user (no passwd entry needed) so Kubernetes can verify runAsNonRoot.
USER 10001:10001
EXPOSE 3000
ENTRYPOINT ["node"]
CMD ["dist/services/gateway/src/main.js"]
