# syntax=docker/dockerfile:1
# Build: compile TypeScript with the dev toolchain.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npm run build

# Runtime: production dependencies only, a non-root user, tini as PID 1 so
# SIGTERM reaches node and the bot shuts down cleanly.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# better-sqlite3 compiles here when no prebuilt binary can be fetched; the toolchain goes again in the same layer.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && npm ci --omit=dev \
  && apt-get purge -y python3 make g++ && apt-get autoremove -y \
  && rm -rf /var/lib/apt/lists/* /root/.npm
COPY --from=build /app/dist ./dist
COPY corpus ./corpus
# `node dist/src/cli/eval.js` scores on these when no --file is given.
COPY test/fixtures/example-questions.json ./test/fixtures/example-questions.json
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# Inside the container the server must listen beyond loopback; compose publishes it on the host's loopback only.
ENV CORPUS_DIR=/app/corpus DATABASE_URL=sqlite:/app/data/pubbot.db HTTP_PORT=3000 HTTP_HOST=0.0.0.0
EXPOSE 3000
VOLUME ["/app/data"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/main.js"]
