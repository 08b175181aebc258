#!/usr/bin/env node
// `npx thalamus …`: the command-line interface. The CLI shares lib/ (TypeScript) with
// the server, so it runs through tsx's loader, and reads .env files the way Next does.
import nextEnv from '@next/env';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

nextEnv.loadEnvConfig(join(dirname(fileURLToPath(import.meta.url)), '..'), false, { info: () => {}, error: console.error });
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
