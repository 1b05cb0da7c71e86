#!/usr/bin/env node
// Runs the TypeScript CLI (precis.ts) through tsx, so `npx precis` needs no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./precis.ts');
process.exitCode = await main(process.argv.slice(2));
