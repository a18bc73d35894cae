import type { NextFunction, Request, Response } from 'express';

/**
 * An error answered before the request body was read (413 on a declared Content-Length over the
 * limit, 401/429 on an upload) closes the connection: otherwise Node keeps reading the unwanted
 * body to reuse the socket, and a hostile client can hold the connection for as long as it sends.
 */
export function closeOnUnreadBody(req: Request, res: Response, next: NextFunction): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, statusCode: number, ...rest: unknown[]) {
    if (statusCode >= 400 && !req.complete && !this.headersSent) this.setHeader('Connection', 'close');
    return (writeHead as (...args: unknown[]) => Response).call(this, statusCode, ...rest);
  } as Response['writeHead'];
  next();
}
