import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadWebAppFiles } from './web-app-files';

describe('loadWebAppFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rarerank-webapp-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keys the servable files by their path under the folder, with their content type', () => {
    mkdirSync(path.join(dir, 'js'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(dir, 'app.css'), 'body{}');
    writeFileSync(path.join(dir, 'js', 'main.js'), 'export {};');
    const files = loadWebAppFiles(dir);
    expect([...files.keys()].sort()).toEqual(['app.css', 'index.html', 'js/main.js']);
    expect(files.get('js/main.js')).toEqual({ body: Buffer.from('export {};'), contentType: 'text/javascript; charset=utf-8' });
    expect(files.get('index.html')?.contentType).toBe('text/html; charset=utf-8');
  });

  it('leaves out files of other kinds (source maps, build info, dotfiles without a known extension)', () => {
    writeFileSync(path.join(dir, 'main.js.map'), '{}');
    writeFileSync(path.join(dir, '.tsbuildinfo'), '{}');
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    expect(loadWebAppFiles(dir).size).toBe(0);
  });

  it('is empty when the app is not built', () => {
    expect(loadWebAppFiles(path.join(dir, 'missing')).size).toBe(0);
  });
});
