import type { NextFunction, Request, Response } from 'express';

/**
 * An async express 4 handler whose rejection goes to `next`, so the app's error handler answers it (express 4
 * drops a rejected handler promise and the request hangs). Used by the bot's download routes and the tab API.
 */
export const viaNext =
  (fn: (req: Request, res: Response) => Promise<unknown>) =>
  (req: Request, res: Response, next: NextFunction): void => {
    fn(req, res).catch(next);
  };
