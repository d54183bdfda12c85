import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { freePort } from '../support/free-port.js';
import { spawnBot } from '../support/spawn-bot.js';

// The compose file shares the bot's settings through YAML anchors and merge keys (`<<:`).
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true });
const dockerfile = readFileSync('Dockerfile', 'utf8');
const readme = readFileSync('README.md', 'utf8');
const envExample = readFileSync('.env.example', 'utf8');
const service = compose.services.pubbot;

/** The variables the config schema reads, from its source, so a new one cannot be forgotten. */
const configVariables = [
  ...readFileSync('src/config.ts', 'utf8').matchAll(/^\s{2}([A-Z][A-Z0-9_]+): /gmu),
].map((m) => m[1] as string);

describe('Dockerfile, compose file and README agree', () => {
  it('GIVEN the Dockerfile THEN multi-stage on a supported Node LTS, production-only deps, non-root, tini, and the built entry as command', () => {
    expect(dockerfile.match(/^FROM node:22-bookworm-slim AS \w+$/gmu)).toHaveLength(2);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toContain('npm ci --omit=dev');
    expect(runtime).toMatch(/^USER node$/mu);
    expect(runtime).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(runtime).toContain('CMD ["node", "dist/src/main.js"]');
  });

  it('GIVEN the compose service THEN env file, named volume on the data folder, health on /healthz, restart policy', () => {
    expect(service.env_file).toBe('.env');
    expect(service.restart).toBe('unless-stopped');
    const [volume, target] = (service.volumes[0] as string).split(':');
    expect(compose.volumes).toHaveProperty(volume as string);
    expect(dockerfile).toContain(`VOLUME ["${target}"]`);
    expect(service.environment.DATABASE_URL).toBe(`sqlite:${target}/pubbot.db`);
    const port = service.environment.HTTP_PORT as string;
    // Listening on every interface inside the container, published on the host's loopback only.
    expect(service.environment.HTTP_HOST).toBe('0.0.0.0');
    expect(dockerfile).toMatch(/^ENV .*\bHTTP_HOST=0\.0\.0\.0\b/mu);
    expect(service.ports).toEqual([`127.0.0.1:${port}:${port}`]);
    expect(dockerfile).toContain(`EXPOSE ${port}`);
    expect(service.healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${port}/healthz`);
  });

  it('GIVEN .dockerignore THEN no dependencies, secrets, state, builds or history go into the build context', () => {
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n');
    for (const entry of ['node_modules', '.env', 'data', 'dist', '.git'])
      expect(ignored).toContain(entry);
  });

  it('GIVEN the replicas profile THEN PostgreSQL on a named volume with a health check, and two bot replicas on it that wait for it', () => {
    const postgres = compose.services.postgres;
    expect(postgres.profiles).toEqual(['replicas']);
    const [volume] = (postgres.volumes[0] as string).split(':');
    expect(compose.volumes).toHaveProperty(volume as string);
    expect(postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    const replicas = Object.entries(compose.services as Record<string, Record<string, unknown>>)
      .filter(([name]) => name !== 'postgres')
      .filter(([, s]) => (s.profiles as string[] | undefined)?.includes('replicas'));
    expect(replicas).toHaveLength(2);
    const hostPorts = new Set<string>();
    for (const [, replica] of replicas) {
      expect(replica.image).toBe(service.image);
      expect((replica.environment as Record<string, string>).DATABASE_URL).toMatch(
        /^postgres:\/\/pubbot:.+@postgres:5432\/pubbot$/u,
      );
      expect(replica.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
      // "127.0.0.1:3001:3000": on the host's loopback, each replica on its own port.
      const [host, port] = ((replica.ports as string[])[0] as string).split(':');
      expect(host).toBe('127.0.0.1');
      hostPorts.add(port as string);
    }
    expect(hostPorts.size).toBe(2);
    expect(service.profiles).toBeUndefined();
  });

  it('GIVEN the README THEN it gives the same deploy commands and names every variable', () => {
    expect(readme).toContain('cp .env.example .env');
    expect(readme).toContain('docker compose up -d');
    expect(readme).toContain('docker compose --profile replicas up -d');
    expect(readme).toContain(`/healthz`);
    expect(configVariables.length).toBeGreaterThan(15);
    for (const name of configVariables) {
      expect(readme, `README names ${name}`).toContain(`\`${name}\``);
      expect(envExample, `.env.example lists ${name}`).toMatch(new RegExp(`^${name}=`, 'mu'));
    }
  });
});

/**
 * A folder shaped like the image's /app: the build, the corpus, the eval
 * examples and the dependencies, and no TypeScript sources or tsx loader in
 * sight, so only compiled code can run.
 */
function imageShapedFolder(): string {
  const app = mkdtempSync(join(tmpdir(), 'pubbot-image-'));
  for (const entry of ['dist', 'corpus', 'node_modules'])
    symlinkSync(resolve(entry), join(app, entry));
  copyFileSync('package.json', join(app, 'package.json'));
  mkdirSync(join(app, 'test', 'fixtures'), { recursive: true });
  copyFileSync(
    'test/fixtures/example-questions.json',
    join(app, 'test/fixtures/example-questions.json'),
  );
  return app;
}

describe('the built code the image runs', () => {
  beforeAll(() => {
    execFileSync(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
      { stdio: 'inherit' },
    );
  }, 60_000);

  it('GIVEN `node dist/src/main.js` THEN it answers, serves health, and SIGTERM ends it with exit 0', async () => {
    expect(existsSync('dist/src/main.js')).toBe(true);
    const port = await freePort();
    const bot = spawnBot({ HTTP_PORT: String(port) }, 'dist/src/main.js', []);
    await bot.waitForLog('serving /healthz and /metrics');
    bot.child.stdin.write('how many papers in 2024?\n');
    await bot.waitForOutput('4 papers in 2024:');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toEqual({ code: 0, signal: null });
  }, 30_000);

  it.each([
    [
      'dist/src/cli/ask.js',
      ['--today', '2026-11-25', 'how many papers in 2024?'],
      /^4 papers in 2024/u,
    ],
    ['dist/src/cli/corpus.js', ['--ids'], /^learning-the-unlearnable/u],
    ['dist/src/cli/eval.js', [], /eval: \d+\/\d+ passed\n$/u],
    ['dist/src/cli/announce.js', ['--once', '--dry-run'], /^announce: 25 papers, /u],
    [
      'dist/adapters/discord/deploy-commands.js',
      ['--help'],
      /DISCORD_TOKEN and DISCORD_APP_ID must be set/u,
    ],
  ])(
    'GIVEN `node %s` in a folder shaped like the image THEN it runs from compiled code',
    (script, args, output) => {
      const app = imageShapedFolder();
      const run = spawnSync(process.execPath, [script, ...args], {
        cwd: app,
        env: {
          PATH: process.env.PATH,
          ENV_FILE: '',
          DATABASE_URL: `sqlite:${join(app, 'data', 'pubbot.db')}`,
        },
        encoding: 'utf8',
      });
      expect(`${run.stdout}${run.stderr}`).toMatch(output);
      expect(run.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find module|tsx/u);
    },
    30_000,
  );
});
