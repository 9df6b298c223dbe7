# Porchlight container image.
#
#   docker build -t porchlight .
#   docker run -d -p 3333:3333 -v porchlight-data:/data \
#     -e APP_URL=https://texting.example.org porchlight
#
# Everything the instance writes (SQLite file, app key, uploads, exports) lives
# in /data. See docs/self-hosting.md.

FROM node:24-bookworm-slim AS base
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# Installing needs Python and make: npm runs node-gyp for better-sqlite3, which
# finds the prebuilt binary the package ships and compiles nothing, but gyp
# itself still has to run. The toolchain stays out of the runtime image.
FROM base AS toolchain
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./

# Production dependencies only. The TypeScript loader (@poppinss/ts-exec) is one
# of them (the `node ace` commands run from the sources) and brings @swc/core's
# native binary for this platform through an optional dependency, which
# `--omit=dev` keeps.
FROM toolchain AS deps
RUN npm ci --omit=dev

# The compiled app (JavaScript and the built front end), made with the full
# dependency set; `npm start` serves build/ and, finding `build/.built` newer
# than the sources, never builds at start.
FROM toolchain AS build
RUN npm ci
COPY . .
RUN node ace build --ignore-ts-errors && date -u > build/.built

FROM base AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3333 DATA_DIR=/data
COPY --from=deps /app/node_modules ./node_modules
COPY . .
COPY --from=build /app/build ./build
# The application files stay owned by root and read-only to the app; only /data is writable.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3333
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/start.js"]
