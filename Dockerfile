# The checkout's container image (docs/deployment.md). Two stages: the build (all dependencies, `npm run
# build`) and a small production image (production dependencies only, dist/, a non-root user). It runs the
# same commands as .ci/production-build-check, which proves them on every CI run: npm ci, npm run build,
# then on a copy of package.json, package-lock.json, db/patches and dist: npm ci --omit=dev,
# node dist/server/migrate.js, node dist/server/main.js.
# NODE_IMAGE: any Node 20+ image with /bin/sh and npm (the official one by default).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The postinstall applies db/patches (postgres.js) with patch-package: the bundle in dist/ carries it.
COPY package.json package-lock.json ./
COPY db/patches db/patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS production
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 PGLITE_DATA_DIR=/data/pglite
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/db/patches db/patches
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force \
  && mkdir -p /data && chown 1000:1000 /data
COPY --from=build /app/dist dist
COPY deploy/container/entrypoint.sh /usr/local/bin/checkout-entrypoint
# uid 1000 ("node" in the official image): owns nothing in /app, writes only /data (PGlite, if used).
USER 1000:1000
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# serve (default) | migrate | migrate-and-serve: see deploy/container/entrypoint.sh.
ENTRYPOINT ["/usr/local/bin/checkout-entrypoint"]
CMD ["serve"]
