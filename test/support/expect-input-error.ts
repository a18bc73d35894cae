import { InputError } from '@rarerank/io';

/** Awaits a promise that must reject with an InputError at the given place (file, line, field). */
export async function expectInputError(p: Promise<unknown>, where: { file: string; line?: number; field?: string }, message?: RegExp): Promise<InputError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  expect(err).toMatchObject(where);
  if (message) expect((err as Error).message).toMatch(message);
  return err as InputError;
}
