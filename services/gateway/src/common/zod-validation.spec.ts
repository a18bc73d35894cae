import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { parseOrThrow } from './zod-validation';

const schema = z.object({ items: z.array(z.object({ criterion: z.enum(['PVS1', 'PM2'], { error: 'must be an ACMG criterion' }) })) });

function errorOf(fn: () => unknown): { message: string; field?: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestException);
    return (e as BadRequestException).getResponse() as { message: string; field?: string };
  }
  throw new Error('expected a 400');
}

describe('parseOrThrow', () => {
  it('returns the parsed value', () => {
    expect(parseOrThrow(schema, { items: [{ criterion: 'PM2' }] })).toEqual({ items: [{ criterion: 'PM2' }] });
  });

  it('names the first bad field in message and field', () => {
    expect(errorOf(() => parseOrThrow(schema, { items: [{ criterion: 'PM2' }, { criterion: 'XX' }] }))).toEqual({
      message: 'items.1.criterion: must be an ACMG criterion',
      field: 'items.1.criterion',
    });
    expect(errorOf(() => parseOrThrow(schema, { items: [{ criterion: 'XX' }] }, 'manifest.3')).field).toBe('manifest.3.items.0.criterion');
    expect(errorOf(() => parseOrThrow(schema.strict(), { items: [], colour: 'red' })).field).toBe('colour');
  });
});
