#!/usr/bin/env node
// npm run build: compiles the counselor web app (libs/web-app, browser ES modules) into
// dist/web-app/js and copies its static files (index.html, CSS) beside them. No bundler.
'use strict';
const { execFileSync } = require('node:child_process');
const { cpSync, rmSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const out = path.join(root, 'dist', 'web-app');
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'libs', 'web-app', 'tsconfig.build.json')], { stdio: 'inherit' });
cpSync(path.join(root, 'libs', 'web-app', 'static'), out, { recursive: true });
