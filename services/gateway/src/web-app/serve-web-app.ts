import type { NextFunction, Request, Response } from 'express';
import type { StaticFile } from './web-app-files';

/**
 * The app's pages may load scripts, styles and data from the gateway itself and nothing else:
 * no inline script or style, no plugins, no framing, forms post nowhere else.
 */
export const WEB_APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function secure(res: Response): void {
  res.setHeader('Content-Security-Policy', WEB_APP_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  // small files that change with each build: the browser revalidates instead of keeping a stale app
  res.setHeader('Cache-Control', 'no-cache');
}

function plain(res: Response, status: number, text: string): void {
  res.status(status).setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(text);
}

/**
 * Serves the counselor app (mounted at /app): static files only, GET and HEAD, no key needed;
 * every data call of the app goes through the authenticated API. Not part of the OpenAPI document.
 */
export function serveWebApp(files: ReadonlyMap<string, StaticFile>) {
  return (req: Request, res: Response, _next: NextFunction): void => {
    secure(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return plain(res, 405, 'the web app is static: GET or HEAD only');
    }
    // relative script and style paths need the trailing slash
    if (req.originalUrl.split('?')[0] === '/app') return void res.redirect(301, '/app/');
    if (files.size === 0) return plain(res, 404, 'the web app is not built: run npm run build');
    const name = req.path === '/' ? 'index.html' : req.path.slice(1);
    const file = files.get(name);
    if (!file) return plain(res, 404, 'no such file in the web app');
    res.status(200).setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(file.body.length));
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };
}
